package dev.opensessions.adapters.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opensessions.application.port.in.SwitchSessionUseCase;
import dev.opensessions.application.port.in.SwitchSessionUseCase.SwitchOutcome;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * Switches the tmux client that shows a pane to a session named in the body, for a caller holding the
 * control token (checked by {@link RequestGate} before the body is read): the dashboard's "switch" action. {@code /switch-index} cannot serve it, because the
 * position of a session in a sidebar depends on the sidebar's filter, which moves as agents work.
 */
@Path("/")
public class SwitchSessionResource {

    private final SwitchSessionUseCase switchSession;
    private final ObjectMapper mapper;

    public SwitchSessionResource(SwitchSessionUseCase switchSession, ObjectMapper mapper) {
        this.switchSession = switchSession;
        this.mapper = mapper;
    }

    /** Body {@code {"pane": "%3", "session": "api"}}: the client showing {@code %3} goes to {@code api}. */
    @POST
    @Path("switch-session")
    public Response switchSession(byte[] bytes) {
        JsonBody body = JsonBody.parse(mapper, bytes);
        SessionName session = RequestFields.requiredSession(body);
        String pane = body.string("pane", "invalid paneId");
        if (pane == null || !PaneId.isValid(pane)) {
            throw new InvalidRequest("invalid paneId");
        }
        return switch (switchSession.switchFrom(PaneId.of(pane), session)) {
            case SwitchOutcome.Switched switched -> Replies.ok("ok");
            case SwitchOutcome.UnknownSession unknown -> Replies.text(Response.Status.NOT_FOUND, "unknown session");
            case SwitchOutcome.NoClient noClient -> Replies.text(Response.Status.CONFLICT, "no client");
            case SwitchOutcome.OutOfRange outOfRange -> Replies.ok("ok");
            case SwitchOutcome.Failed failed -> Replies.text(Response.Status.INTERNAL_SERVER_ERROR, "switch failed");
        };
    }
}
