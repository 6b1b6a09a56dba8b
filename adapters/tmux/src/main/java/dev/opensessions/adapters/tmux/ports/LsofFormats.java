package dev.opensessions.adapters.tmux.ports;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses the output of {@code lsof -F pn} and {@code ps -axo pid=,ppid=}. */
final class LsofFormats {

    private LsofFormats() {
    }

    /**
     * The ports each pid listens on. Field output is one field a line, the first letter naming it: {@code p} opens
     * a process, {@code n} is a file name ({@code 127.0.0.1:3000}, {@code *:8080}, {@code [::1]:5173}); other
     * fields, such as the {@code f} descriptor lsof adds by itself, are ignored.
     */
    static Map<Long, Set<Integer>> portsByPid(List<String> lines) {
        Map<Long, Set<Integer>> ports = new HashMap<>();
        Long pid = null;
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            String value = line.substring(1);
            switch (line.charAt(0)) {
                case 'p' -> pid = parseLong(value);
                case 'n' -> {
                    Integer port = port(value);
                    if (pid != null && port != null) {
                        ports.computeIfAbsent(pid, key -> new HashSet<>()).add(port);
                    }
                }
                default -> {
                    // Fields we did not ask for carry nothing we need.
                }
            }
        }
        return ports;
    }

    /** Pid to parent pid from {@code ps -axo pid=,ppid=} lines. */
    static Map<Long, Long> parents(List<String> lines) {
        Map<Long, Long> parentOf = new HashMap<>();
        for (String line : lines) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length == 2) {
                Long pid = parseLong(columns[0]);
                Long parent = parseLong(columns[1]);
                if (pid != null && parent != null) {
                    parentOf.put(pid, parent);
                }
            }
        }
        return parentOf;
    }

    private static Integer port(String address) {
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            return null;
        }
        Long port = parseLong(address.substring(colon + 1));
        return port == null || port < 1 || port > 65_535 ? null : port.intValue();
    }

    private static Long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
