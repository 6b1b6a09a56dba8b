package dev.opensessions.server;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessAgeTest {

    // A real line's shape: the command may hold spaces and parentheses; starttime is the 22nd field.
    private static final String STAT = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 9000 0 0 0 120 30 0 0 20 0 "
            + "40 0 123456 4000000000 30000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

    @Test
    void theAgeIsUptimeLessTheStartBothCountedFromBoot() {
        // Started 1234.56 s after boot, now 1236.01 s after boot: 1450 ms.
        assertThat(ProcessAge.fromProc(STAT, "1236.01 2400.00\n")).isEqualTo(OptionalLong.of(1450));
    }

    @Test
    void textThatDoesNotReadAsExpectedGivesNothing() {
        assertThat(ProcessAge.fromProc("4242 (java) S 1", "1236.01 2400.00")).isEmpty();
        assertThat(ProcessAge.fromProc(STAT, "soon")).isEmpty();
        assertThat(ProcessAge.fromProc("no parenthesis", "1.0 1.0")).isEmpty();
    }

    @Test
    void thisProcessIsOlderThanZeroAndYoungerThanTheMachine() {
        long age = ProcessAge.millis();
        assertThat(age).isPositive();
        assertThat(age).isLessThan(ProcessHandle.current().info().startInstant()
                .map(start -> java.time.Duration.between(start, java.time.Instant.now()).toMillis() + 1500)
                .orElse(Long.MAX_VALUE));
    }
}
