package dev.opensessions.server;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * How long ago this process started, for the log's "ready ... ms after the JVM started". On Linux from
 * {@code /proc}: the process's start ({@code starttime} of {@code /proc/self/stat}) and now
 * ({@code /proc/uptime}) are both counted from boot, in hundredths of a second, so their difference is exact to
 * about 20 ms. {@code ProcessHandle.startInstant()} adds the boot time, which Linux gives in whole seconds, and
 * read up to a second too long. Elsewhere the JVM's own start stamp, which misses the few milliseconds before the
 * JVM was created.
 */
final class ProcessAge {

    /** The unit of {@code starttime}: USER_HZ, 100 on every Linux architecture the server runs on. */
    static final long TICKS_PER_SECOND = 100;

    private ProcessAge() {
    }

    static long millis() {
        try {
            OptionalLong fromProc = fromProc(Files.readString(Path.of("/proc/self/stat")),
                    Files.readString(Path.of("/proc/uptime")));
            if (fromProc.isPresent()) {
                return fromProc.getAsLong();
            }
        } catch (IOException | SecurityException noProc) {
            // Not Linux: the JVM's stamp below.
        }
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /**
     * The age in ms from a {@code /proc/<pid>/stat} line and a {@code /proc/uptime} text; empty when either does
     * not read as expected. The 22nd field of stat (the 20th after the command in parentheses, which may hold
     * spaces) is the start in ticks after boot; the first number of uptime is seconds since boot.
     */
    static OptionalLong fromProc(String stat, String uptime) {
        int end = stat.lastIndexOf(')');
        String[] fields = end < 0 ? new String[0] : stat.substring(end + 1).strip().split("\\s+");
        String[] up = uptime.strip().split("\\s+");
        if (fields.length < 20 || !fields[19].matches("\\d{1,19}") || !up[0].matches("\\d{1,12}(\\.\\d{1,9})?")) {
            return OptionalLong.empty();
        }
        long startMillis = Long.parseLong(fields[19]) * 1000 / TICKS_PER_SECOND;
        long nowMillis = new java.math.BigDecimal(up[0]).movePointRight(3).longValue();
        return OptionalLong.of(Math.max(0, nowMillis - startMillis));
    }
}
