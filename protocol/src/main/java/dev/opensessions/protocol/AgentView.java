package dev.opensessions.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An agent row on the wire (docs/reference/websocket-api.md#an-agent); absent optional fields are omitted. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentView(
        String agent,
        String session,
        String status,
        long ts,
        String threadId,
        String threadName,
        String lastUserPrompt,
        boolean unseen,
        String paneId,
        String liveness,
        String projectDir,
        String attention) {
}
