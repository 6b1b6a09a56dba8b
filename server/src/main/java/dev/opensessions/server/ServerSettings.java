package dev.opensessions.server;

import dev.opensessions.adapters.http.RequestGate;
import dev.opensessions.adapters.websocket.StateWebSocket;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The server's own settings; defaults come from {@link EnvironmentConfigSource}. */
@ConfigMapping(prefix = "opensessions")
public interface ServerSettings {

    /** {@code default} or the numeric key of this server's tmux socket; keys database rows. */
    String serverKey();

    /**
     * The socket of the tmux server this server belongs to (from {@code $TMUX}); empty outside tmux, where
     * the server runs without live sessions.
     */
    Optional<String> tmuxSocket();

    /** Where sidebar panes connect (the port after the HTTP port, 127.0.0.1 only); 0 picks a free one. */
    int sidebarPort();

    /** Holds the pid and token files. */
    Path runtimeDir();

    /** The SQLite state file. */
    Path database();

    /** The reference's config folder, where an old {@code session-order.json} may wait to be imported. */
    Path configDir();

    /** The installed checkout (plugin folder): its {@code bin/} holds the pane shim and the sessionizer. */
    Path home();

    /**
     * The user's home as the agents see it ({@code $HOME}): their records ({@code ~/.claude}, {@code ~/.codex},
     * ...) are watched under it, and the project picker starts there.
     */
    Path agentHome();

    /**
     * The WebSocket adapter's settings. It reads them itself; they are declared here too because every
     * {@code opensessions.*} property must belong to this mapping, or setting it fails the start.
     */
    WebSocketSettings websocket();

    /** The HTTP adapter's settings; it reads them itself, and they are declared here for the same reason. */
    HttpSettings http();

    /** {@code opensessions.http.*}. */
    interface HttpSettings {

        /** How long a request's whole body may take to arrive before it is answered 408 and its connection closed. */
        @WithDefault(RequestGate.DEFAULT_BODY_DEADLINE)
        Duration bodyDeadline();
    }

    /** {@code opensessions.websocket.*}. */
    interface WebSocketSettings {

        /** How long one frame's write may wait for a client to make room before the connection is closed. */
        @WithDefault(StateWebSocket.DEFAULT_SEND_DEADLINE)
        Duration sendDeadline();
    }
}
