package dev.opensessions.adapters.tmux;

import dev.opensessions.domain.agent.screen.AgentProgram;
import dev.opensessions.domain.session.SessionName;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The tmux adapter assembled: one control connection, the model it feeds, the commands, the core's
 * session source and multiplexer, started and closed together. The composition root builds one per server.
 */
public final class TmuxAdapter implements AutoCloseable {

    private final TmuxControl control;
    private final TmuxModel model;
    private final TmuxSessionCommands sessions;
    private final TmuxPaneCommands panes;
    private final TmuxSessionSource sessionSource;
    private final SessionFacts facts;
    private final TmuxMultiplexer multiplexer;
    private final TmuxAgentProcesses agentProcesses;
    private final TmuxPaneActivity paneActivity;
    private final TmuxPaneScreens paneScreens;
    private final Duration commandTimeout;
    private final List<TmuxSidebarPanes> sidebars = new CopyOnWriteArrayList<>();

    /** Builds the adapter without git state or ports; {@code onServerExit} runs once when the tmux server is gone. */
    public TmuxAdapter(TmuxServer server, Duration commandTimeout, Runnable onServerExit) {
        this(server, commandTimeout, onServerExit, SessionFacts.none());
    }

    /** Builds the adapter; sessions carry the given facts (git state, ports), closed with the adapter. */
    public TmuxAdapter(TmuxServer server, Duration commandTimeout, Runnable onServerExit, SessionFacts facts) {
        this(server, commandTimeout, onServerExit, facts, List.of());
    }

    /**
     * Builds the adapter; sessions carry the given facts, and agent processes are also recognised by the
     * programs the screen rules name.
     */
    public TmuxAdapter(TmuxServer server, Duration commandTimeout, Runnable onServerExit, SessionFacts facts,
                       List<AgentProgram> agentPrograms) {
        Objects.requireNonNull(server, "server");
        this.facts = Objects.requireNonNull(facts, "facts");
        this.commandTimeout = Objects.requireNonNull(commandTimeout, "commandTimeout");
        this.control = new TmuxControl(server, commandTimeout);
        this.model = new TmuxModel(control, onServerExit);
        this.sessions = new TmuxSessionCommands(control, model);
        this.panes = new TmuxPaneCommands(control);
        this.sessionSource = new TmuxSessionSource(model, facts);
        this.multiplexer = new TmuxMultiplexer(sessions, panes, model, commandTimeout);
        this.agentProcesses = new TmuxAgentProcesses(model, Path.of("/proc"), agentPrograms);
        this.paneActivity = new TmuxPaneActivity(control);
        this.paneScreens = new TmuxPaneScreens(control, paneActivity, commandTimeout);
    }

    /**
     * Has the panes watched for output piped through this copier ({@code pipe-pane}, reported as it happens)
     * instead of tmux's once-a-second subscription, which stays the fallback; call before {@link #start()}.
     */
    public TmuxAdapter pipeOutput(PaneCopier copier) {
        paneActivity.pipeThrough(copier);
        return this;
    }

    /** Attaches the control client in the background; the model fills as soon as it is attached. */
    public TmuxAdapter start() {
        control.start(new ControlListeners(List.of(model, paneActivity)));
        return this;
    }

    /**
     * Waits, at most {@code timeout}, for tmux's first listing after {@link #start()} and for the sidebar panes
     * to have taken it in: the windows clients show at that moment then count as seen, so a show that follows
     * opens no sidebar in them by itself (a start outside any pane opens none). False when the wait ran out.
     */
    public boolean awaitFirstListing(Duration timeout) {
        CompletableFuture<TmuxSnapshot> listed = new CompletableFuture<>();
        Runnable stop = model.subscribe(snapshot -> {
            if (model.listings() > 0 && !snapshot.equals(TmuxSnapshot.empty())) {
                listed.complete(snapshot);
            }
        });
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            listed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            for (TmuxSidebarPanes sidebar : sidebars) {
                sidebar.reacted().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException notListed) {
            return false;
        } finally {
            stop.run();
        }
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

    /** Git state and ports of the sessions; tell it when somebody displays them. */
    public SessionFacts facts() {
        return facts;
    }

    public TmuxSessionSource sessionSource() {
        return sessionSource;
    }

    public TmuxMultiplexer multiplexer() {
        return multiplexer;
    }

    /** The agent programs living in this server's panes, read from /proc when asked. */
    public TmuxAgentProcesses agentProcesses() {
        return agentProcesses;
    }

    /** When watched panes print: from their pipes, or from a subscription over the control connection. */
    public TmuxPaneActivity paneActivity() {
        return paneActivity;
    }

    /** What the panes show, read through the control connection when asked. */
    public TmuxPaneScreens paneScreens() {
        return paneScreens;
    }

    /**
     * The sidebar panes, kept as the core asks, each running {@code launch}; {@code displayOrder} says where a
     * client goes when a lonely sidebar's session ends. Closed with the adapter.
     */
    public TmuxSidebarPanes sidebarPanes(SidebarLaunch launch, Supplier<List<SessionName>> displayOrder) {
        TmuxSidebarPanes created = new TmuxSidebarPanes(model, panes, multiplexer, launch, displayOrder,
                commandTimeout);
        sidebars.add(created);
        return created;
    }

    @Override
    public void close() {
        sidebars.forEach(TmuxSidebarPanes::close);
        agentProcesses.close();
        sessionSource.close();
        facts.close();
        paneActivity.close();
        control.close();
        model.close();
    }
}
