package dev.opensessions.adapters.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers a refused request with 400 and its short reason, the shape scripts already parse. */
@Provider
public class InvalidRequestMapper implements ExceptionMapper<InvalidRequest> {

    @Override
    public Response toResponse(InvalidRequest invalid) {
        return Replies.text(Response.Status.BAD_REQUEST, invalid.reason());
    }
}
