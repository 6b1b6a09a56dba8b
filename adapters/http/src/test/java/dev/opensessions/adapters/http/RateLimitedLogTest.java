package dev.opensessions.adapters.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitedLogTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private long now = 1_000_000_000L;
    private final List<String> lines = new ArrayList<>();
    private final RateLimitedLog log = new RateLimitedLog(MINUTE, () -> now, lines::add);

    @Test
    void aBurstWritesOneLineAndTheNextLineCountsWhatWasLeftOut() {
        for (int i = 0; i < 500; i++) {
            log.log("refused " + i);
            now += Duration.ofMillis(10).toNanos();
        }
        assertThat(lines).containsExactly("refused 0");

        now += MINUTE.toNanos();
        log.log("refused again");

        assertThat(lines).containsExactly("refused 0",
                "refused again (and 499 more like it since the last such line, not logged)");
    }

    @Test
    void linesAnIntervalApartAreAllWrittenWithNoCount() {
        log.log("first");
        now += MINUTE.toNanos();
        log.log("second");
        now += MINUTE.minusNanos(1).toNanos();
        log.log("too soon");

        assertThat(lines).containsExactly("first", "second");
    }
}
