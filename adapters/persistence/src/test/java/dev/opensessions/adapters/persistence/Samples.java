package dev.opensessions.adapters.persistence;

import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.agent.Liveness;
import dev.opensessions.domain.agent.StatusTransition;
import dev.opensessions.domain.agent.ThreadKey;
import dev.opensessions.domain.metadata.LogEntry;
import dev.opensessions.domain.metadata.Progress;
import dev.opensessions.domain.metadata.SessionMetadata;
import dev.opensessions.domain.metadata.StatusPill;
import dev.opensessions.domain.metadata.Tone;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;

import java.time.Instant;

/** Domain values with every optional field set or null, and awkward text, for round-trip tests. */
final class Samples {

    // Nanosecond precision on purpose: a store must not round what a clock gave it.
    static final Instant T0 = Instant.parse("2026-03-04T05:06:07.123456789Z");
    static final String AWKWARD = "it's \"my\"; work -- Ünïcødé 🚀 '); DROP TABLE agent_thread; --";

    private Samples() {
    }

    static SessionName name(String value) {
        return SessionName.of(value);
    }

    static SessionMetadata fullMetadata() {
        return SessionMetadata.empty()
                .withStatus(new StatusPill("building " + AWKWARD, Tone.WARN, T0))
                .withProgress(new Progress(3.0, 7.0, 42.857142857142854, "step", T0.plusNanos(1)))
                .withLog(new LogEntry("plain line", Tone.NEUTRAL, null, T0.plusSeconds(1)))
                .withNotification(new LogEntry(AWKWARD, Tone.SUCCESS, "ci", T0.plusSeconds(2)));
    }

    static AgentThread fullThread() {
        return new AgentThread("claude-code", name("work " + AWKWARD), AgentStatus.TOOL_RUNNING, T0,
                "thread-1", "Refactor " + AWKWARD, "please fix; the \"tests\"", true, PaneId.of("%12"),
                Liveness.ALIVE, "/home/me/project one");
    }

    static AgentThread bareThread() {
        return new AgentThread("codex", name("bare"), AgentStatus.IDLE, Instant.ofEpochSecond(0), null, null,
                null, false, null, Liveness.UNKNOWN, null);
    }

    static StatusTransition transition(String session, int index) {
        return new StatusTransition(name(session), new ThreadKey("claude-code:t" + index),
                index % 2 == 0 ? null : AgentStatus.RUNNING, AgentStatus.values()[index % AgentStatus.values().length],
                T0.plusMillis(index));
    }
}
