package dev.opensessions.domain.metadata;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionMetadataTest {

    private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "3,  10, -,   30",
            "10, 10, -,   100",
            "12, 10, -,   100",
            "3,  0,  -,   0",
            "3,  -,  -,   0",
            "-,  -,  42,  42",
            "1,  2,  75,  75",
            "-,  -,  150, 100",
            "-,  -,  -5,  0"})
    void percentComesFromPercentOrCurrentOfTotalClamped(Double current, Double total, Double percent, double expected) {
        assertThat(Progress.of(current, total, percent, "services", T).orElseThrow().percent()).isEqualTo(expected);
    }

    @Test
    void noNumberMeansNoProgress() {
        assertThat(Progress.of(null, null, null, "x", T)).isEmpty();
    }

    @Test
    void nonFiniteNumbersAreRejected() {
        assertThatThrownBy(() -> Progress.of(Double.NaN, 1.0, null, null, T))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Progress.of(null, null, Double.POSITIVE_INFINITY, null, T))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void logRingKeepsTheNewestFifty() {
        SessionMetadata metadata = SessionMetadata.empty();
        for (int i = 0; i < 75; i++) {
            metadata = metadata.withLog(new LogEntry("line " + i, Tone.INFO, null, T));
        }

        assertThat(metadata.logs()).hasSize(SessionMetadata.LOG_CAPACITY);
        assertThat(metadata.logs().getFirst().message()).isEqualTo("line 25");
        assertThat(metadata.logs().getLast().message()).isEqualTo("line 74");
    }

    @Test
    void notificationIsLoggedAndRemembered() {
        LogEntry entry = new LogEntry("deployed", Tone.SUCCESS, "ci", T);

        SessionMetadata metadata = SessionMetadata.empty().withNotification(entry);

        assertThat(metadata.logs()).containsExactly(entry);
        assertThat(metadata.notification()).isEqualTo(entry);
        assertThat(metadata.withoutLogs().logs()).isEmpty();
    }

    @Test
    void emptyMetadataIsEmpty() {
        assertThat(SessionMetadata.empty().isEmpty()).isTrue();
        assertThat(SessionMetadata.empty().withStatus(new StatusPill("x", Tone.WARN, T)).isEmpty()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"neutral,·", "info,ℹ", "success,✓", "warn,⚠", "error,✗"})
    void tonesHaveTheirIcons(String wire, String icon) {
        assertThat(Tone.fromWire(wire).orElseThrow().icon()).isEqualTo(icon);
    }

    @Test
    void unknownToneIsEmpty() {
        assertThat(Tone.fromWire("warning")).isEmpty();
        assertThat(Tone.fromWire("WARN")).isEmpty();
    }

    @Test
    void longTextIsCapped() {
        LogEntry entry = new LogEntry("x".repeat(10_000), Tone.NEUTRAL, "s".repeat(1000), T);

        assertThat(entry.message()).hasSize(4096).endsWith("…");
        assertThat(entry.source()).hasSize(256);
    }
}
