package dev.opensessions.adapters.http;

import dev.opensessions.application.port.in.QuitUseCase;
import dev.opensessions.application.security.ControlToken;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Shuts the server down for a caller holding the control token (DESIGN section 7); repeating it is harmless. */
@Path("/")
public class QuitResource {

    private final QuitUseCase quit;
    private final ControlToken token;

    public QuitResource(QuitUseCase quit, ControlToken token) {
        this.quit = quit;
        this.token = token;
    }

    @POST
    @Path("quit")
    public Response quit(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (!token.matchesBearer(authorization)) {
            return Replies.text(Response.Status.UNAUTHORIZED, "unauthorized");
        }
        quit.quit();
        return Replies.ok("ok");
    }
}
