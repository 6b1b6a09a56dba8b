package dev.opensessions.adapters.http;

import dev.opensessions.application.port.in.LimitExceeded;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers a write that would pass one of the state's caps with 429 and which cap it was; nothing changed. */
@Provider
public class LimitExceededMapper implements ExceptionMapper<LimitExceeded> {

    @Override
    public Response toResponse(LimitExceeded exceeded) {
        return Replies.text(Response.Status.TOO_MANY_REQUESTS, exceeded.getMessage());
    }
}
