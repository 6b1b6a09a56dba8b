package dev.opensessions.server;

import dev.opensessions.adapters.tmux.PaneCopier;
import dev.opensessions.adapters.tmux.SessionFacts;
import dev.opensessions.adapters.tmux.SidebarLaunch;
import dev.opensessions.adapters.tmux.TmuxAdapter;
import dev.opensessions.adapters.tmux.TmuxServer;
import dev.opensessions.application.port.out.AgentProcessReader;
import dev.opensessions.application.port.out.Multiplexer;
import dev.opensessions.application.port.out.ServerLifecycle;
import dev.opensessions.application.port.out.SessionSource;
import dev.opensessions.application.port.out.SidebarPanes;
import dev.opensessions.application.port.out.PaneActivity;
import dev.opensessions.application.port.out.PaneScreens;
import dev.opensessions.domain.agent.screen.ScreenRule;
import dev.opensessions.domain.session.SessionName;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Chooses where live sessions come from: the tmux server named by the settings (one control-mode
 * connection; when that tmux server exits, so does this server), or none outside tmux.
 */
final class MultiplexerFactory {

    private static final Logger LOG = Logger.getLogger(MultiplexerFactory.class);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);

    private MultiplexerFactory() {
    }

    /**
     * The tmux adapter, not yet started, or empty when the server runs outside tmux. The runtime starts its
     * control client once the server answers: attaching and tmux's first listing cost CPU a start in tmux
     * would otherwise share with the JVM's own start (docs/explanation/performance.md, "Start"). Agent panes'
     * output is piped through {@code copier} ({@code bin/opensessions-pipe}), which reads the token from the
     * runtime folder.
     */
    static Optional<TmuxAdapter> tmux(ServerSettings settings, ServerLifecycle lifecycle, List<ScreenRule> rules,
                                      PaneCopier copier) {
        Optional<String> socket = settings.tmuxSocket().filter(path -> !path.isBlank());
        if (socket.isEmpty()) {
            LOG.info("not inside tmux: serving pushed state without live sessions");
            return Optional.empty();
        }
        TmuxAdapter adapter = new TmuxAdapter(TmuxServer.socket("tmux", socket.get()), COMMAND_TIMEOUT, () -> {
            LOG.infof("the tmux server at %s has exited; shutting down", socket.get());
            lifecycle.exit();
        }, SessionFacts.live(SessionFacts.PORT_INTERVAL), rules.stream().map(ScreenRule::program).toList());
        return Optional.of(adapter.pipeOutput(copier));
    }

    /** When agent panes print; outside tmux there are none. */
    static PaneActivity paneActivity(Optional<TmuxAdapter> tmux) {
        return tmux.<PaneActivity>map(TmuxAdapter::paneActivity).orElseGet(PaneActivity::none);
    }

    /** What panes show; outside tmux there is no pane to read. */
    static PaneScreens paneScreens(Optional<TmuxAdapter> tmux) {
        return tmux.<PaneScreens>map(TmuxAdapter::paneScreens).orElseGet(() -> pane -> Optional.empty());
    }

    static SessionSource sessions(Optional<TmuxAdapter> tmux) {
        return tmux.<SessionSource>map(TmuxAdapter::sessionSource).orElseGet(NoMultiplexer::new);
    }

    /** The agent programs in tmux's panes; outside tmux there are no panes to find them in. */
    static AgentProcessReader agentProcesses(Optional<TmuxAdapter> tmux) {
        return tmux.<AgentProcessReader>map(TmuxAdapter::agentProcesses).orElseGet(AgentProcessReader::none);
    }

    static Multiplexer commands(Optional<TmuxAdapter> tmux) {
        return tmux.<Multiplexer>map(TmuxAdapter::multiplexer).orElseGet(NoMultiplexer::new);
    }

    /**
     * Sidebar panes kept in tmux, each running the pane shim, which finds the sidebar port and token in the
     * runtime folder; none outside tmux. The shim is started as {@code bash <shim>}: with more than one
     * argument tmux executes the program itself, so no {@code sh -c} and no {@code env} from the shebang
     * start before it, each a process start off the first paint (docs/explanation/performance.md).
     */
    static Function<Supplier<List<SessionName>>, SidebarPanes> sidebarPanes(Optional<TmuxAdapter> tmux, Path shim,
                                                                             Path runtimeDir) {
        SidebarLaunch launch = new SidebarLaunch(List.of("bash", shim.toString()),
                Map.of("OPENSESSIONS_RUNTIME_DIR", runtimeDir.toAbsolutePath().toString()));
        return order -> tmux.<SidebarPanes>map(adapter -> adapter.sidebarPanes(launch, order))
                .orElseGet(NoSidebarPanes::new);
    }
}
