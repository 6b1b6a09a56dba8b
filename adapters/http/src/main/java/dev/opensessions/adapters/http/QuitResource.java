package dev.opensessions.adapters.http;

import dev.opensessions.application.port.in.QuitUseCase;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * Shuts the server down for a caller holding the control token ({@link RequestGate} checks it, being one
 * of {@link ControlResource#PATHS}); repeating it is harmless.
 */
@Path("/")
public class QuitResource {

    private final QuitUseCase quit;

    public QuitResource(QuitUseCase quit) {
        this.quit = quit;
    }

    @POST
    @Path("quit")
    public Response quit() {
        quit.quit();
        return Replies.ok("ok");
    }
}
