package dev.opensessions.adapters.tmux.ports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Stream;

/**
 * Listening ports on Linux, read straight from /proc: no lsof needed. Only the fds of processes inside the
 * requested trees are read, which keeps a scan cheap on a busy machine. When neither the listening
 * sockets nor the roots changed since the last scan, the last attribution is reused without walking the
 * process table: reading the two socket tables is then the whole cost of a scan (measured as most of the
 * server's idle CPU while sidebars were open).
 */
public final class ProcListeningPorts implements ListeningPorts {

    private final Path proc;
    private Map<Long, Integer> lastListening;
    private Set<Long> lastRoots;
    private Map<Long, SortedSet<Integer>> lastResult;

    /** @param proc the proc file system root, {@code /proc} outside tests */
    public ProcListeningPorts(Path proc) {
        this.proc = Objects.requireNonNull(proc, "proc");
    }

    @Override
    public synchronized Map<Long, SortedSet<Integer>> scan(Set<Long> rootPids) {
        Map<Long, Integer> listening = new HashMap<>(table("tcp"));
        listening.putAll(table("tcp6"));
        // A new listener, a closed one, or a restart on the same port all change the inode table.
        if (listening.equals(lastListening) && rootPids.equals(lastRoots)) {
            return lastResult;
        }
        Map<Long, SortedSet<Integer>> result = attribute(rootPids, listening);
        lastListening = listening;
        lastRoots = Set.copyOf(rootPids);
        lastResult = result;
        return result;
    }

    private Map<Long, SortedSet<Integer>> attribute(Set<Long> rootPids, Map<Long, Integer> listening) {
        ProcessTree tree = new ProcessTree(listening.isEmpty() ? Map.of() : parents());
        Map<Long, Set<Integer>> portsByPid = new HashMap<>();
        if (!listening.isEmpty()) {
            for (long pid : tree.subtrees(rootPids)) {
                Set<Integer> owned = ownedPorts(pid, listening);
                if (!owned.isEmpty()) {
                    portsByPid.put(pid, owned);
                }
            }
        }
        return tree.portsPerRoot(rootPids, portsByPid);
    }

    private Map<Long, Integer> table(String name) {
        Path file = proc.resolve("net").resolve(name);
        try {
            return ProcFormats.listeningByInode(Files.readAllLines(file, StandardCharsets.US_ASCII));
        } catch (NoSuchFileException absent) {
            // A kernel without IPv6 has no tcp6 table; it simply has no IPv6 listeners.
            return Map.of();
        } catch (IOException failed) {
            throw new PortScanException("cannot read " + file, failed);
        }
    }

    private Map<Long, Long> parents() {
        Map<Long, Long> parentOf = new HashMap<>();
        try (Stream<Path> entries = Files.list(proc)) {
            entries.filter(entry -> isPid(entry.getFileName().toString()))
                    .forEach(entry -> readParent(entry).ifPresent(parent ->
                            parentOf.put(Long.parseLong(entry.getFileName().toString()), parent)));
        } catch (IOException | UncheckedIOException failed) {
            throw new PortScanException("cannot list " + proc, failed);
        }
        return parentOf;
    }

    private OptionalLong readParent(Path pidDir) {
        try {
            // Latin-1 maps every byte, so a command name that is not UTF-8 cannot cut a tree.
            return ProcFormats.parentPid(new String(Files.readAllBytes(pidDir.resolve("stat")),
                    StandardCharsets.ISO_8859_1));
        } catch (IOException gone) {
            // The process exited between listing and reading: it owns nothing any more.
            return OptionalLong.empty();
        }
    }

    private Set<Integer> ownedPorts(long pid, Map<Long, Integer> listening) {
        Set<Integer> owned = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve(Long.toString(pid)).resolve("fd"))) {
            for (Path fd : fds) {
                socketPort(fd, listening).ifPresent(owned::add);
            }
        } catch (IOException unreadable) {
            // Another user's process, or one that just exited: its sockets cannot be attributed.
        }
        return owned;
    }

    private static Optional<Integer> socketPort(Path fd, Map<Long, Integer> listening) {
        try {
            OptionalLong inode = ProcFormats.socketInode(Files.readSymbolicLink(fd).toString());
            return inode.isPresent()
                    ? Optional.ofNullable(listening.get(inode.getAsLong()))
                    : Optional.empty();
        } catch (IOException closed) {
            // The fd was closed while the directory was read.
            return Optional.empty();
        }
    }

    private static boolean isPid(String name) {
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }
}
