package dev.opensessions.adapters.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The short plain-text and empty answers of the HTTP API. */
final class Replies {

    static final MediaType TEXT = MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8");

    private Replies() {
    }

    static Response text(Response.Status status, String body) {
        return Response.status(status).type(TEXT).entity(body).build();
    }

    static Response ok(String body) {
        return text(Response.Status.OK, body);
    }

    static Response noContent() {
        return Response.noContent().build();
    }
}
