package dev.opensessions.domain.agent;

import dev.opensessions.domain.session.SessionName;

import java.time.Instant;
import java.util.Objects;

/** The moment the user looked at a thread and its unseen marker cleared, its status unchanged; kept as history. */
public record SeenMark(SessionName session, ThreadKey thread, Instant at) {

    public SeenMark {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(at, "at");
    }
}
