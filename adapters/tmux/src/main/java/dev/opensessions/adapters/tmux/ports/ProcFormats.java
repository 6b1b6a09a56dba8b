package dev.opensessions.adapters.tmux.ports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Reads the Linux text formats under /proc: the socket tables in net/tcp(6) and a process's stat line. */
final class ProcFormats {

    private static final String LISTEN = "0A";

    private ProcFormats() {
    }

    /**
     * The local port of every LISTEN socket, by socket inode, from the lines of /proc/net/tcp or tcp6 (the
     * first line is a header). Columns: sl, local address:port (hex), remote, state, queues, timer, retransmits,
     * uid, timeout, inode.
     */
    static Map<Long, Integer> listeningByInode(List<String> lines) {
        Map<Long, Integer> ports = new HashMap<>();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length < 10 || !LISTEN.equals(columns[3])) {
                continue;
            }
            int colon = columns[1].lastIndexOf(':');
            try {
                int port = Integer.parseInt(columns[1].substring(colon + 1), 16);
                long inode = Long.parseLong(columns[9]);
                // Inode 0 marks a socket no process holds any more; nobody can own it.
                if (inode != 0) {
                    ports.put(inode, port);
                }
            } catch (NumberFormatException malformed) {
                // A line the kernel format does not produce is skipped rather than failing the whole scan.
            }
        }
        return ports;
    }

    /**
     * The parent pid from a /proc/[pid]/stat line. The command name sits in parentheses and may itself hold
     * spaces and ')', so the fields are counted from the last ')': state, then ppid.
     */
    static OptionalLong parentPid(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            return OptionalLong.empty();
        }
        String[] rest = stat.substring(close + 1).trim().split("\\s+");
        if (rest.length < 2) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(rest[1]));
        } catch (NumberFormatException malformed) {
            return OptionalLong.empty();
        }
    }

    /** The inode of a {@code socket:[inode]} fd link target, or empty for files, pipes and the like. */
    static OptionalLong socketInode(String linkTarget) {
        if (!linkTarget.startsWith("socket:[") || !linkTarget.endsWith("]")) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(linkTarget.substring(8, linkTarget.length() - 1)));
        } catch (NumberFormatException malformed) {
            return OptionalLong.empty();
        }
    }
}
