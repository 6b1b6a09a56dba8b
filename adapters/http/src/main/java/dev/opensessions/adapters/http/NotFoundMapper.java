package dev.opensessions.adapters.http;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers an unknown path with 404 {@code not found}, as the reference's newest server does. */
@Provider
public class NotFoundMapper implements ExceptionMapper<NotFoundException> {

    @Override
    public Response toResponse(NotFoundException notFound) {
        return Replies.text(Response.Status.NOT_FOUND, "not found");
    }
}
