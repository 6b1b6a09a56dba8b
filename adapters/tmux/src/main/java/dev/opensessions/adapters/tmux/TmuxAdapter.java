package dev.opensessions.adapters.tmux;

import java.time.Duration;
import java.util.Objects;

/**
 * The tmux adapter assembled: one control connection, the model it feeds, the commands and the core's
 * session source, started and closed together. The composition root builds one per server.
 */
public final class TmuxAdapter implements AutoCloseable {

    private final TmuxControl control;
    private final TmuxModel model;
    private final TmuxSessionCommands sessions;
    private final TmuxPaneCommands panes;
    private final TmuxSessionSource sessionSource;

    /** Builds the adapter; {@code onServerExit} runs once when the tmux server is gone. */
    public TmuxAdapter(TmuxServer server, Duration commandTimeout, Runnable onServerExit) {
        Objects.requireNonNull(server, "server");
        this.control = new TmuxControl(server, commandTimeout);
        this.model = new TmuxModel(control, onServerExit);
        this.sessions = new TmuxSessionCommands(control, model);
        this.panes = new TmuxPaneCommands(control);
        this.sessionSource = new TmuxSessionSource(model);
    }

    /** Attaches the control client in the background; the model fills as soon as it is attached. */
    public TmuxAdapter start() {
        control.start(model);
        return this;
    }

    public TmuxControl control() {
        return control;
    }

    public TmuxModel model() {
        return model;
    }

    public TmuxSessionCommands sessions() {
        return sessions;
    }

    public TmuxPaneCommands panes() {
        return panes;
    }

    public TmuxSessionSource sessionSource() {
        return sessionSource;
    }

    @Override
    public void close() {
        sessionSource.close();
        control.close();
        model.close();
    }
}
