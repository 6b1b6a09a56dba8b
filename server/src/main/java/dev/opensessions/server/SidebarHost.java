package dev.opensessions.server;

import dev.opensessions.adapters.tmux.TmuxAdapter;
import dev.opensessions.adapters.tmux.TmuxPane;
import dev.opensessions.application.port.in.GetStateUseCase;
import dev.opensessions.application.port.in.SidebarPresenceUseCase;
import dev.opensessions.application.port.in.WatchStateUseCase;
import dev.opensessions.application.port.out.SidebarOutput;
import dev.opensessions.application.security.ControlToken;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.runtime.EffectHandler;
import dev.opensessions.sidebar.runtime.PaneSizes;
import dev.opensessions.sidebar.runtime.SidebarProgram;
import dev.opensessions.sidebar.runtime.SidebarTerminalServer;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Serves sidebar panes: the terminal listener every pane shim connects to, its port
 * published in the runtime folder for the launcher and the shims, every connected pane reported to the
 * warm-up, and pane sizes from tmux: the first one asked for when a shim connects, every later one forwarded
 * from tmux's listings, which is where resizes come from.
 */
@Singleton
public class SidebarHost implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SidebarHost.class);
    static final String CONFIG_FILE = "config.json";
    /**
     * How long a connecting pane may wait for tmux to say its size; generous, because on a loaded machine the
     * control connection can be behind, and a pane given up on would close.
     */
    static final Duration SIZE_WAIT = Duration.ofSeconds(5);

    private final ServerSettings settings;
    private final ControlToken token;
    private final GetStateUseCase state;
    private final WatchStateUseCase watch;
    private final EffectHandler effects;
    private final SidebarPresenceUseCase presence;
    private final Optional<TmuxAdapter> tmux;
    private SidebarTerminalServer<SidebarState> terminals;
    private final LateSidebarOutput output;
    private Runnable unsubscribe = () -> { };

    SidebarHost(ServerSettings settings, ControlToken token, GetStateUseCase state, WatchStateUseCase watch,
                EffectHandler effects, SidebarPresenceUseCase presence, Optional<TmuxAdapter> tmux, Core core) {
        this.output = core.sidebarOutput;
        this.presence = presence;
        this.settings = settings;
        this.token = token;
        this.state = state;
        this.watch = watch;
        this.effects = effects;
        this.tmux = tmux;
    }

    /** Starts listening and returns the bound port. */
    synchronized int start() {
        terminals = listen(settings.sidebarPort());
        SidebarTerminalServer<SidebarState> listening = terminals;
        output.attach((pane, sequence) -> listening.send(pane, sequence.getBytes(StandardCharsets.UTF_8))
                .<SidebarOutput.WriteOutcome>map(SidebarOutput.WriteOutcome.Queued::new)
                .orElseGet(SidebarOutput.WriteOutcome.NoSuchPane::new));
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
    private SidebarTerminalServer<SidebarState> listen(int port) {
        try {
            return terminalServer(port);
        } catch (UncheckedIOException taken) {
            LOG.warnf("%s; sidebars use a free port instead", taken.getMessage());
            return terminalServer(0);
        }
    }

    private SidebarTerminalServer<SidebarState> terminalServer(int port) {
        return new SidebarTerminalServer<>(port, token, new SidebarProgram(), state, watch, effects, Clock.systemUTC(),
                presence::identified, this::paneSize);
    }

    /**
     * A docked pane's size as tmux has it (shims leave it to the server, which spares them a stty process):
     * from the last listing when it has the pane, else asked of tmux, as for a pane split a moment ago.
     */
    private Optional<PaneSizes.Size> paneSize(PaneId pane) {
        if (tmux.isEmpty()) {
            return Optional.empty();
        }
        Optional<PaneSizes.Size> listed = tmux.get().model().current().pane(pane.value())
                .map(known -> new PaneSizes.Size(known.width(), known.height()));
        if (listed.isPresent()) {
            return listed;
        }
        try {
            return tmux.get().panes().size(pane.value()).get(SIZE_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                    .map(size -> new PaneSizes.Size(size.width(), size.height()));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException unanswered) {
            LOG.warnf("tmux did not say the size of pane %s within %s: %s", pane, SIZE_WAIT, unanswered);
            return Optional.empty();
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
