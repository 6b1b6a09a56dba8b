package dev.opensessions.adapters.http;

import dev.opensessions.application.port.in.GetStateUseCase;
import dev.opensessions.application.port.in.ReadAgentHistoryUseCase;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.protocol.StateView;
import dev.opensessions.protocol.StateViews;
import dev.opensessions.protocol.TransitionView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Reads the whole state and a session's recent agent status changes as JSON. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class StateResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final GetStateUseCase getState;
    private final ReadAgentHistoryUseCase readHistory;

    public StateResource(GetStateUseCase getState, ReadAgentHistoryUseCase readHistory) {
        this.getState = getState;
        this.readHistory = readHistory;
    }

    @GET
    @Path("api/state")
    public StateView state() {
        return StateViews.of(getState.current());
    }

    /** Newest first; {@code limit} defaults to 50 and is clamped to 1..500. */
    @GET
    @Path("api/history")
    public List<TransitionView> history(@QueryParam("session") String session, @QueryParam("limit") String limit) {
        if (session == null || session.isEmpty()) {
            throw new InvalidRequest("missing session");
        }
        SessionName name = RequestFields.sessionName(session);
        return readHistory.history(name, limit(limit)).stream().map(TransitionView::of).toList();
    }

    private static int limit(String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException notANumber) {
            throw new InvalidRequest("invalid limit");
        }
        return (int) Math.max(1, Math.min(MAX_LIMIT, value));
    }
}
