package dev.opensessions.protocol;

/**
 * A clickable local URL of a session ({@code localLinks}, docs/reference/websocket-api.md#a-session): {@code direct}
 * links to a listening port.
 */
public record LinkView(String kind, int port, String url, String label) {

    /** The link for a port a process in the session listens on. */
    public static LinkView direct(int port) {
        return new LinkView("direct", port, "http://localhost:" + port, ":" + port);
    }
}
