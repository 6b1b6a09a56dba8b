package dev.opensessions.adapters.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opensessions.application.port.in.EndPiRuntimeUseCase;
import dev.opensessions.application.port.in.RegisterPiRuntimeUseCase;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * Takes the Pi extension's runtime registry posts: a heartbeat of a live Pi process every 5 s,
 * and its end on shutdown. Both answer 204, an end of an unknown process too.
 */
@Path("/api/runtime/pi")
public class PiRuntimeResource {

    private final RegisterPiRuntimeUseCase register;
    private final EndPiRuntimeUseCase end;
    private final ObjectMapper mapper;

    public PiRuntimeResource(RegisterPiRuntimeUseCase register, EndPiRuntimeUseCase end, ObjectMapper mapper) {
        this.register = register;
        this.end = end;
        this.mapper = mapper;
    }

    @POST
    @Path("upsert")
    public Response upsert(byte[] body) {
        register.register(PiRuntimeRequest.registration(mapper, body));
        return Replies.noContent();
    }

    @POST
    @Path("delete")
    public Response delete(byte[] body) {
        end.end(PiRuntimeRequest.pid(mapper, body));
        return Replies.noContent();
    }
}
