package dev.opensessions.adapters.http;

import dev.opensessions.application.security.ControlToken;
import dev.opensessions.protocol.ProtocolVersion;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Answers the launcher's liveness and compatibility checks: {@code GET /} names this server generation
 * by a hash of its token (stable until restart, revealing nothing), {@code GET /version} the protocol.
 * A browser asking for {@code /} gets the dashboard instead ({@link DashboardResource}).
 */
@Path("/")
public class ServerInfoResource {

    private final String greeting;

    public ServerInfoResource(ControlToken token) {
        this.greeting = "opensessions server " + identity(token);
    }

    /** A browser (its {@code Accept} lists {@code text/html}) gets the dashboard; scripts get the greeting. */
    @GET
    public Response root(@HeaderParam("Accept") String accept, @HeaderParam("Host") String host) {
        return DashboardResource.wantsPage(accept) ? DashboardResource.page(host) : Replies.ok(greeting);
    }

    @GET
    @Path("version")
    public Response version() {
        return Replies.ok(ProtocolVersion.VERSION_LINE);
    }

    /** The first 16 hex characters of the SHA-256 of the token. */
    static String identity(ControlToken token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.value().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is required of every JDK", missing);
        }
    }
}
