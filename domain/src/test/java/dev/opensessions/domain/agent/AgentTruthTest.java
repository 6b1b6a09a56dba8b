package dev.opensessions.domain.agent;

import dev.opensessions.domain.session.PaneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The precedence of evidence and the liveness rule, one row per situation. */
class AgentTruthTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final AgentProcess CLAUDE = new AgentProcess("claude-code", 4242, "claude", PaneId.of("%3"), null,
            "/w/api");

    /**
     * said: status and age in seconds of what the agent said (- for nothing); written: status, age, whether the
     * last entry is a tool call (- for no file); screen (- for nothing); process: alive, gone or unknown.
     */
    @ParameterizedTest(name = "said {0} {1}s, wrote {2} {3}s tool={4}, screen {5}, process {6} -> {7} by {8}")
    @CsvSource({
            // What the agent said wins when it is at least as new as its file.
            "waiting, 5, running, 10, false, -, alive, waiting, hook",
            "waiting, 5, running, 5, false, -, gone, waiting, hook",
            "done, 5, -, 0, false, -, unknown, done, hook",
            // A newer entry in the file speaks again.
            "waiting, 10, running, 5, false, -, alive, running, transcript",
            // A finished or stale status in the file stands as written, process or not.
            "-, 0, done, 900, false, -, gone, done, transcript",
            "-, 0, interrupted, 1, false, -, alive, interrupted, transcript",
            "-, 0, stale, 1, false, -, alive, stale, transcript",
            // A quiet file alone never changes an open status while the agent lives.
            "-, 0, running, 2, false, -, alive, running, transcript",
            "-, 0, running, 59, false, -, gone, running, transcript",
            "-, 0, running, 600, false, -, alive, running, process",
            "-, 0, waiting, 3600, false, -, alive, waiting, process",
            "-, 0, tool-running, 600, false, -, alive, tool-running, process",
            // A tool call quiet for 3 s waits for approval, process or not.
            "-, 0, running, 2, true, -, alive, running, transcript",
            "-, 0, running, 3, true, -, alive, waiting, transcript",
            "-, 0, running, 30, true, -, gone, waiting, transcript",
            // Without the agent's process, a minute of quiet is stale; a machine that cannot tell waits as long.
            "-, 0, running, 60, false, -, gone, stale, process",
            "-, 0, waiting, 60, false, -, gone, stale, process",
            "-, 0, tool-running, 61, false, -, gone, stale, process",
            "-, 0, running, 60, true, -, gone, stale, process",
            "-, 0, running, 59, false, -, unknown, running, transcript",
            "-, 0, running, 60, false, -, unknown, stale, process",
            // The screen speaks where the file has gone quiet, before liveness.
            "-, 0, running, 5, false, waiting, alive, waiting, screen",
            "-, 0, running, 1, false, waiting, alive, running, transcript",
            "done, 1, running, 5, false, waiting, alive, done, hook",
            "-, 0, done, 5, false, waiting, alive, done, transcript",
    })
    void evidenceIsWeighedBestFirst(String said, long saidAge, String written, long writtenAge, boolean toolCall,
                                    String screen, String process, String status, String evidence) {
        StatusVerdict verdict = AgentTruth.decide(
                said.equals("-") ? null : new AgentTruth.Said(status(said), NOW.minusSeconds(saidAge), "an event"),
                written.equals("-") ? null
                        : new AgentTruth.Written(status(written), NOW.minusSeconds(writtenAge), toolCall),
                screen.equals("-") ? null : new AgentTruth.Shown(status(screen), "rule test: \"Allow?\""),
                look(process), NOW);

        assertThat(verdict.status().wireName()).as(verdict.why()).isEqualTo(status);
        assertThat(verdict.evidence().wireName()).as(verdict.why()).isEqualTo(evidence);
    }

    @ParameterizedTest(name = "wrote {0} {1}s tool={2}, process {3}: recheck after {4}s")
    @CsvSource({
            "running, 1, true, alive, 2",
            "running, 10, false, alive, 30",
            "waiting, 900, false, alive, 30",
            "running, 1, true, gone, 2",
            "running, 10, false, gone, 50",
            "running, 10, false, unknown, 50",
            "running, 60, false, gone, -",
            "done, 1, false, alive, -",
    })
    void theVerdictSaysWhenItCouldChangeOnItsOwn(String written, long age, boolean toolCall, String process,
                                                 String after) {
        StatusVerdict verdict = AgentTruth.decide(null,
                new AgentTruth.Written(status(written), NOW.minusSeconds(age), toolCall), null, look(process), NOW);

        assertThat(verdict.recheck().map(at -> String.valueOf(at.getEpochSecond() - NOW.getEpochSecond()))
                .orElse("-")).isEqualTo(after);
    }

    @org.junit.jupiter.api.Test
    void aScreenSeenWhileTheFileIsStillFreshIsWeighedAgainOnceTheFileHasBeenQuietLongEnough() {
        StatusVerdict verdict = AgentTruth.decide(null,
                new AgentTruth.Written(AgentStatus.RUNNING, NOW.minusSeconds(1), false),
                new AgentTruth.Shown(AgentStatus.WAITING, "rule test"), look("alive"), NOW);

        assertThat(verdict.status()).isEqualTo(AgentStatus.RUNNING);
        assertThat(verdict.recheck()).contains(NOW.plusSeconds(2));
    }

    private static ProcessLook look(String process) {
        return switch (process) {
            case "alive" -> ProcessLook.alive(CLAUDE);
            case "gone" -> ProcessLook.gone();
            default -> ProcessLook.unknown();
        };
    }

    private static AgentStatus status(String wire) {
        return AgentStatus.fromWire(wire).orElseThrow();
    }
}
