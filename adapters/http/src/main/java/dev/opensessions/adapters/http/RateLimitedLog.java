package dev.opensessions.adapters.http;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * At most one line per interval for something any local process can repeat at will (a bad request), so
 * that no client can fill the log; the next line written says how many were left out since the last one.
 * No timer: what is left out at the end of a burst is counted in the next line, whenever one comes.
 */
final class RateLimitedLog {

    private final Duration interval;
    private final LongSupplier nanoTime;
    private final Consumer<String> sink;
    private boolean written;
    private long lastWritten;
    private long leftOut;

    RateLimitedLog(Duration interval, LongSupplier nanoTime, Consumer<String> sink) {
        this.interval = Objects.requireNonNull(interval, "interval");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Writes the line, unless one was written less than the interval ago; then only counts it. */
    void log(String line) {
        String text;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            if (written && now - lastWritten < interval.toNanos()) {
                leftOut++;
                return;
            }
            text = leftOut == 0 ? line
                    : line + " (and " + leftOut + " more like it since the last such line, not logged)";
            written = true;
            lastWritten = now;
            leftOut = 0;
        }
        sink.accept(text);
    }
}
