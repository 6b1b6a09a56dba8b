package dev.opensessions.application.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Which requests a loopback server accepts from a browser's reach (docs/explanation/architecture.md#security): the
 * {@code Host} must name a loopback host with our port (no DNS rebinding), and an {@code Origin}, when present, must be
 * that same loopback origin (no cross-site requests). The port is the one the request arrived on.
 */
public final class LoopbackPolicy {

    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");

    private LoopbackPolicy() {
    }

    /**
     * A missing Host ({@code null}: HTTP/1.0 tools) is allowed; a present one must be loopback with our port, so
     * an empty or blank {@code Host:} is refused like any other host that is not ours.
     */
    public static boolean allowsHost(String host, int port) {
        if (host == null) {
            return true;
        }
        return loopbackWithPort(host.trim().toLowerCase(Locale.ROOT), port);
    }

    /** No Origin (curl, scripts) is allowed; a browser's Origin must be our own loopback origin. */
    public static boolean allowsOrigin(String origin, int port) {
        if (origin == null || origin.isEmpty()) {
            return true;
        }
        try {
            URI uri = new URI(origin.trim());
            if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getRawAuthority() == null) {
                return false;
            }
            if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() || uri.getRawUserInfo() != null) {
                return false;
            }
            return loopbackWithPort(uri.getRawAuthority().toLowerCase(Locale.ROOT), port);
        } catch (URISyntaxException invalid) {
            return false;
        }
    }

    private static boolean loopbackWithPort(String authority, int port) {
        int colon = authority.lastIndexOf(':');
        if (colon < 0 || authority.endsWith("]")) {
            return false;
        }
        String host = authority.substring(0, colon);
        String portText = authority.substring(colon + 1);
        return LOOPBACK_HOSTS.contains(host) && portText.equals(Integer.toString(port));
    }
}
