package dev.opensessions.adapters.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * The browser dashboard: {@code GET /} for a request whose {@code Accept} header lists {@code text/html}
 * (a browser), and its script and style under {@code /dashboard/}. The files are read once from the
 * adapter's own resources; the page is a view of {@code /ws} and the JSON routes, it holds no state.
 *
 * <p>Every answer carries a Content-Security-Policy that allows scripts, styles and connections from this
 * server only, no inline script and no {@code eval}, so text from the state can never run as code.
 */
@Path("/dashboard")
public class DashboardResource {

    static final String HTML = "text/html; charset=UTF-8";

    /** The files under {@code /dashboard/}, by name, with their media types. Nothing else is served. */
    private static final Map<String, String> ASSETS = Map.of(
            "boot.js", "text/javascript; charset=UTF-8",
            "app.js", "text/javascript; charset=UTF-8",
            "chart.js", "text/javascript; charset=UTF-8",
            "app.css", "text/css; charset=UTF-8");

    private static final Map<String, byte[]> FILES = load();

    /** True for a browser's navigation ({@code text/html} listed); curl's {@code *}{@code /*} is not one. */
    static boolean wantsPage(String accept) {
        if (accept == null) {
            return false;
        }
        for (String range : accept.split(",")) {
            int semicolon = range.indexOf(';');
            String type = (semicolon < 0 ? range : range.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
            if (type.equals("text/html")) {
                return true;
            }
        }
        return false;
    }

    /** The page itself. The {@code Host} was checked by the loopback guard, so it names this server. */
    static Response page(String host) {
        return secured(Response.ok(FILES.get("index.html"), HTML), host).build();
    }

    @GET
    @Path("{file}")
    public Response asset(@PathParam("file") String file, @jakarta.ws.rs.HeaderParam("Host") String host) {
        String type = ASSETS.get(file);
        if (type == null) {
            return Replies.text(Response.Status.NOT_FOUND, "not found");
        }
        return secured(Response.ok(FILES.get(file), type), host).build();
    }

    /**
     * The policy: scripts, styles and images from this origin only, connections to this origin and its
     * WebSocket, no frames, no forms, no plugins. {@code connect-src 'self'} alone does not cover
     * {@code ws:} in every browser, so the WebSocket URL of the host the page was loaded from is named.
     */
    static String policy(String host) {
        String socket = host == null || host.isBlank() ? "" : " ws://" + host;
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'"
                + socket + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    private static Response.ResponseBuilder secured(Response.ResponseBuilder builder, String host) {
        return builder
                .header("Content-Security-Policy", policy(host))
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-cache");
    }

    private static Map<String, byte[]> load() {
        return Map.of("index.html", read("index.html"), "boot.js", read("boot.js"), "app.js", read("app.js"),
                "chart.js", read("chart.js"), "app.css", read("app.css"));
    }

    private static byte[] read(String name) {
        try (InputStream in = DashboardResource.class.getResourceAsStream("/dashboard/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard file " + name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
