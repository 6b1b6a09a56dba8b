package dev.opensessions.server;

import dev.opensessions.adapters.tmux.TmuxAdapter;
import dev.opensessions.adapters.tmux.TmuxPane;
import dev.opensessions.application.port.in.GetStateUseCase;
import dev.opensessions.application.port.in.WatchStateUseCase;
import dev.opensessions.application.security.ControlToken;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.runtime.EffectHandler;
import dev.opensessions.sidebar.runtime.SidebarConfig;
import dev.opensessions.sidebar.runtime.SidebarConfigFile;
import dev.opensessions.sidebar.runtime.SidebarProgram;
import dev.opensessions.sidebar.runtime.SidebarTerminalServer;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;

/**
 * Serves sidebar panes (DESIGN 2 and 6): the terminal listener every pane shim connects to, its port
 * published in the runtime folder for the launcher, the theme of {@code config.json}, and pane sizes
 * forwarded from tmux, which is where resizes come from.
 */
@Singleton
public class SidebarHost implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SidebarHost.class);
    static final String CONFIG_FILE = "config.json";

    private final ServerSettings settings;
    private final ControlToken token;
    private final GetStateUseCase state;
    private final WatchStateUseCase watch;
    private final EffectHandler effects;
    private final Optional<TmuxAdapter> tmux;
    private SidebarTerminalServer<SidebarState> terminals;
    private Runnable unsubscribe = () -> { };

    SidebarHost(ServerSettings settings, ControlToken token, GetStateUseCase state, WatchStateUseCase watch,
                EffectHandler effects, Optional<TmuxAdapter> tmux) {
        this.settings = settings;
        this.token = token;
        this.state = state;
        this.watch = watch;
        this.effects = effects;
        this.tmux = tmux;
    }

    /** Starts listening and returns the bound port. */
    synchronized int start() {
        // The theme is read once at start; changing it live comes with the theme picker.
        SidebarConfig config = new SidebarConfigFile(settings.configDir().resolve(CONFIG_FILE)).read();
        terminals = listen(settings.sidebarPort(), config);
        tmux.ifPresent(adapter -> unsubscribe = adapter.model().subscribe(snapshot -> {
            for (TmuxPane pane : snapshot.panes()) {
                if (pane.sidebar() && PaneId.isValid(pane.id())) {
                    terminals.resize(PaneId.of(pane.id()), pane.width(), pane.height());
                }
            }
        }));
        LOG.debugf("sidebar panes connect to 127.0.0.1:%d", terminals.port());
        return terminals.port();
    }

    /** The configured port, or any free one when it is taken: panes learn the port from the runtime folder. */
    private SidebarTerminalServer<SidebarState> listen(int port, SidebarConfig config) {
        try {
            return new SidebarTerminalServer<>(port, token, new SidebarProgram(config::theme), state, watch, effects,
                    Clock.systemUTC());
        } catch (UncheckedIOException taken) {
            LOG.warnf("%s; sidebars use a free port instead", taken.getMessage());
            return new SidebarTerminalServer<>(0, token, new SidebarProgram(config::theme), state, watch, effects,
                    Clock.systemUTC());
        }
    }

    @Override
    public synchronized void close() {
        unsubscribe.run();
        if (terminals != null) {
            terminals.close();
        }
    }
}
