package dev.opensessions.application.service;

import dev.opensessions.application.port.out.AgentObservation;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.ThreadKey;
import dev.opensessions.domain.session.SessionName;

import java.util.Objects;

/**
 * What the watch service knows of one thread a source reported: its latest observation, the status the
 * heuristics give it, the session it maps to, and what was last sent to the tracker for it.
 *
 * @param emitted the fingerprint last recorded in the tracker, null when nothing was
 */
record WatchedThread(AgentObservation observation, AgentStatus shown, AgentMapping mapping, Fingerprint emitted) {

    /**
     * What makes a report worth re-sending (SPEC 4.4): status after the heuristics, name, prompt and project
     * directory, plus the session, so a thread that moves to another session moves its row too.
     */
    record Fingerprint(AgentStatus status, String threadName, String lastUserPrompt, String projectDir,
                       SessionName session) {
    }

    WatchedThread {
        Objects.requireNonNull(observation, "observation");
        Objects.requireNonNull(shown, "shown");
        Objects.requireNonNull(mapping, "mapping");
    }

    /** The dedupe key {@code agent\0threadId}: a NUL cannot occur in either part, so no two threads collide. */
    static String key(AgentObservation observation) {
        return key(observation.agent(), observation.threadId());
    }

    static String key(String agent, String threadId) {
        return agent + '\0' + threadId;
    }

    ThreadKey trackerKey() {
        return ThreadKey.of(observation.agent(), observation.threadId());
    }

    Fingerprint wanted() {
        return new Fingerprint(shown, observation.threadName(), observation.lastUserPrompt(),
                observation.projectDir(), mapping.session());
    }

    /** Idle snapshots are ignored (SPEC 4.4); anything else goes out when its fingerprint changed. */
    boolean needsRecording() {
        return shown != AgentStatus.IDLE && mapping.resolved() && !wanted().equals(emitted);
    }

    /** Waiting for a session to appear: retried when the topology changes. */
    boolean pending() {
        return shown != AgentStatus.IDLE && !mapping.resolved();
    }

    WatchedThread recorded(SessionName session) {
        AgentMapping actual = session.equals(mapping.session()) ? mapping : new AgentMapping(session, mapping.how());
        WatchedThread moved = new WatchedThread(observation, shown, actual, emitted);
        return new WatchedThread(observation, shown, actual, moved.wanted());
    }

    WatchedThread unresolved() {
        return new WatchedThread(observation, shown, AgentMapping.unresolved(), emitted);
    }
}
