package dev.opensessions.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opensessions.application.port.in.ExplainAgentsUseCase;
import dev.opensessions.domain.session.SessionName;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Explains the agent rows as pretty JSON ({@code GET /debug/agents[?session=<name>]}), for a
 * person or {@code bin/opensessions explain}; open on loopback like {@code /api/state}.
 */
@Path("debug/agents")
public class DebugAgentsResource {

    private final ExplainAgentsUseCase explainAgents;
    private final ObjectMapper mapper;

    public DebugAgentsResource(ExplainAgentsUseCase explainAgents, ObjectMapper mapper) {
        this.explainAgents = explainAgents;
        this.mapper = mapper;
    }

    /** Every row, or one session's; an empty {@code session} means every row, a malformed one is a 400. */
    @GET
    public Response agents(@QueryParam("session") String session) {
        SessionName name = RequestFields.optionalSession(session);
        AgentDiagnosticsView view = AgentDiagnosticsView.of(name == null ? null : name.value(),
                explainAgents.explain(Optional.ofNullable(name)));
        try {
            return Response.ok(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(view),
                    MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
        } catch (JsonProcessingException impossible) {
            // Records of strings, lists and booleans always serialize; this would be a programming error.
            throw new UncheckedIOException(impossible);
        }
    }
}
