package dev.opensessions.adapters.tmux.ports;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

/** Finds the TCP ports in LISTEN state owned by process trees, one tree per pane shell. */
public interface ListeningPorts {

    /**
     * For each root pid, the LISTEN ports owned by it or any of its descendants; every root is a key, a root
     * without ports (or without a process) maps to an empty set.
     *
     * @throws PortScanException when the operating system cannot be asked
     */
    Map<Long, SortedSet<Integer>> scan(Set<Long> rootPids);

    /** The implementation for the running system: /proc on Linux, lsof elsewhere (macOS). */
    static ListeningPorts forThisMachine() {
        return forOs(System.getProperty("os.name", ""));
    }

    /** The implementation for a given {@code os.name}. */
    static ListeningPorts forOs(String osName) {
        if (osName.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return new ProcListeningPorts(Path.of("/proc"));
        }
        // macOS keeps lsof and ps in fixed system folders; a full path does not depend on the server's PATH.
        return new LsofListeningPorts("/usr/sbin/lsof", "/bin/ps", Duration.ofSeconds(5));
    }
}
