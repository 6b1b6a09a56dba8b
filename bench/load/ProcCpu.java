import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the CPU a process has used so far (utime + stime of /proc/<pid>/stat), in clock ticks of 10 ms. */
final class ProcCpu {

    /** Linux's USER_HZ, the unit of the stat times, is 100 on every architecture it supports. */
    static final double TICKS_PER_SECOND = 100;

    private ProcCpu() {
    }

    /** The ticks of {@code pid} ("self" for this process), or -1 when it cannot be read (not Linux, gone). */
    static long ticks(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            // The command name may hold spaces and parentheses: fields are counted after its last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
    }
}
