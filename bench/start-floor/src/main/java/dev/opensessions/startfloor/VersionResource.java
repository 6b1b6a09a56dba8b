package dev.opensessions.startfloor;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The one endpoint of the start-up floor apps: a constant answer, so the first 200 marks the framework ready. */
@Path("/version")
public class VersionResource {

    private static final String VERSION_LINE = "opensessions-start-floor 0.1.0";

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String version() {
        return VERSION_LINE;
    }
}
