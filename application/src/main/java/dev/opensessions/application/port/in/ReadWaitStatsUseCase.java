package dev.opensessions.application.port.in;

import dev.opensessions.domain.agent.WaitFigures;
import dev.opensessions.domain.agent.WaitReport;
import dev.opensessions.domain.session.SessionName;

import java.time.Instant;

/** How long agents waited for the user from a moment until now, from the status history. */
public interface ReadWaitStatsUseCase {

    WaitReport stats(Instant since);

    /**
     * The figures of one session alone, as {@code stats(since).session(session)} gives them, from that
     * session's history only (a sidebar asks for the session it describes; reading every session's history
     * for it cost a tenth of the server's CPU in a burst of agent events).
     */
    default WaitFigures stats(Instant since, SessionName session) {
        return stats(since).session(session);
    }
}
