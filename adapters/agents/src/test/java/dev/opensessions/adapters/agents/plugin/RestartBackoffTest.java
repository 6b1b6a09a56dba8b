package dev.opensessions.adapters.agents.plugin;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestartBackoffTest {

    private static final Duration QUICK = Duration.ofSeconds(2);

    @Test
    void quickExitsDoubleTheWaitUpToAMinute() {
        RestartBackoff backoff = RestartBackoff.standard();

        assertThat(backoff.afterExit(QUICK)).hasSeconds(1);
        assertThat(backoff.afterExit(QUICK)).hasSeconds(2);
        assertThat(backoff.afterExit(QUICK)).hasSeconds(4);
        assertThat(backoff.afterExit(QUICK)).hasSeconds(8);
        assertThat(backoff.afterExit(QUICK)).hasSeconds(16);
        assertThat(backoff.afterExit(QUICK)).hasSeconds(32);
        assertThat(backoff.afterExit(QUICK)).hasSeconds(60);
        assertThat(backoff.afterExit(QUICK)).hasSeconds(60);
    }

    @Test
    void aRunOfAMinuteResetsTheWait() {
        RestartBackoff backoff = RestartBackoff.standard();
        backoff.afterExit(QUICK);
        backoff.afterExit(QUICK);
        backoff.afterExit(QUICK);

        assertThat(backoff.afterExit(Duration.ofSeconds(59))).hasSeconds(8);
        assertThat(backoff.afterExit(Duration.ofMinutes(1))).hasSeconds(1);
        assertThat(backoff.afterExit(QUICK)).hasSeconds(2);
    }

    @Test
    void firstWaitMustBePositiveAndBelowTheCeiling() {
        assertThatThrownBy(() -> new RestartBackoff(Duration.ZERO, Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RestartBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
