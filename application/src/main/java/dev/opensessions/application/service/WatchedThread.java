package dev.opensessions.application.service;

import dev.opensessions.application.port.out.AgentObservation;
import dev.opensessions.domain.agent.AgentMapping;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.AgentTruth;
import dev.opensessions.domain.agent.StatusVerdict;
import dev.opensessions.domain.agent.ThreadKey;
import dev.opensessions.domain.session.SessionName;

import java.time.Instant;
import java.util.Objects;

/**
 * What the watch service knows of one thread a source reported: its latest observation, the verdict on it,
 * the session it maps to, and what was last sent to the tracker for it.
 *
 * @param emitted    the fingerprint last recorded in the tracker, null when nothing was
 * @param recordedAt the time of that last record, null when nothing was
 * @param standing   true when the verdict is what the tracker's row already says (an event posted to the API
 *                   that is newer than the file): nothing is sent for it
 */
record WatchedThread(AgentObservation observation, StatusVerdict verdict, AgentMapping mapping, Fingerprint emitted,
                     Instant recordedAt, boolean standing) {

    /**
     * What makes a report worth re-sending: the status decided, name, prompt and project
     * directory, plus the session, so a thread that moves to another session moves its row too.
     */
    record Fingerprint(AgentStatus status, String threadName, String lastUserPrompt, String projectDir,
                       SessionName session) {
    }

    WatchedThread {
        Objects.requireNonNull(observation, "observation");
        Objects.requireNonNull(verdict, "verdict");
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

    /** The status the verdict gives. */
    AgentStatus shown() {
        return verdict.status();
    }

    Fingerprint wanted() {
        return new Fingerprint(shown(), observation.threadName(), observation.lastUserPrompt(),
                observation.projectDir(), mapping.session());
    }

    /** Idle readings are ignored; anything else goes out when its fingerprint changed. */
    boolean needsRecording() {
        return !standing && shown() != AgentStatus.IDLE && mapping.resolved() && !wanted().equals(emitted);
    }

    /** The file (not a plugin) says the turn is still going: liveness may change its verdict. */
    boolean openInFile() {
        return observation.reported() == null && AgentTruth.open(observation.status());
    }

    /** Waiting for a session to appear: retried when the topology changes. */
    boolean pending() {
        return shown() != AgentStatus.IDLE && !mapping.resolved();
    }

    WatchedThread recorded(SessionName session, Instant at) {
        AgentMapping actual = session.equals(mapping.session()) ? mapping : new AgentMapping(session, mapping.how());
        WatchedThread moved = new WatchedThread(observation, verdict, actual, emitted, recordedAt, standing);
        return new WatchedThread(observation, verdict, actual, moved.wanted(), at, standing);
    }

    WatchedThread unresolved() {
        return new WatchedThread(observation, verdict, AgentMapping.unresolved(), emitted, recordedAt, standing);
    }
}
