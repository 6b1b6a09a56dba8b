package dev.opensessions.sidebar.model;

import dev.opensessions.domain.agent.WaitFigures;
import dev.opensessions.domain.session.SessionName;

import java.time.Instant;
import java.util.Objects;

/**
 * How long the agents of the session the agents panel describes waited for the user over the last day.
 *
 * @param figures null while they are being read for this session
 * @param asked   when they were last asked for (the snapshot time), to ask at most every few seconds
 * @param stale   the history changed since they were asked, and a timer will ask again
 */
public record SessionWaits(SessionName session, WaitFigures figures, Instant asked, boolean stale) {

    public SessionWaits {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(asked, "asked");
    }
}
