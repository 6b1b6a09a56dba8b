package dev.opensessions.adapters.agents.watch;

import dev.opensessions.application.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RecentFilesTest {

    private static final Instant NOW = Instant.parse("2025-11-20T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void onlyFilesChangedInTheLastFiveMinutesCount() throws IOException {
        MutableClock clock = new MutableClock(NOW);
        RecentFiles recent = RecentFiles.lastFiveMinutes(clock);
        Path file = Files.writeString(dir.resolve("a.jsonl"), "{}\n");
        Files.setLastModifiedTime(file, FileTime.from(NOW.minus(Duration.ofMinutes(4))));

        assertThat(recent.isRecent(file)).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(recent.isRecent(file)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(recent.isRecent(file)).isFalse();
    }

    @Test
    void missingFilesAndFoldersNeverCount() {
        RecentFiles recent = RecentFiles.lastFiveMinutes(new MutableClock(NOW));

        assertThat(recent.isRecent(dir.resolve("gone.jsonl"))).isFalse();
        assertThat(recent.isRecent(dir)).isFalse();
    }
}
