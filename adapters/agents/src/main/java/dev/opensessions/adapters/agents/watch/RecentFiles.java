package dev.opensessions.adapters.agents.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Decides which transcript files still count: only those modified within a window, five minutes by
 * default, which bounds the work and lets old threads drop out.
 */
public record RecentFiles(Clock clock, Duration window) {

    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

    public RecentFiles {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
    }

    /** Five minutes: older transcripts belong to agents that have stopped. */
    public static RecentFiles lastFiveMinutes(Clock clock) {
        return new RecentFiles(clock, DEFAULT_WINDOW);
    }

    /** True when a file with this modification time was changed within the window. */
    public boolean isRecent(FileTime modified) {
        return !modified.toInstant().isBefore(clock.instant().minus(window));
    }

    /** True when the file exists, is a regular file and was changed within the window. */
    public boolean isRecent(Path file) {
        try {
            return Files.isRegularFile(file) && isRecent(Files.getLastModifiedTime(file));
        } catch (IOException gone) {
            return false;
        }
    }
}
