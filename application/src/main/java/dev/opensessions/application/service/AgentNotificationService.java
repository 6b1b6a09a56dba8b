package dev.opensessions.application.service;

import dev.opensessions.application.port.out.Multiplexer;
import dev.opensessions.application.port.out.MultiplexerException;
import dev.opensessions.application.port.out.SidebarOutput;
import dev.opensessions.application.port.out.UserCommand;
import dev.opensessions.application.state.Change;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.agent.StatusTransition;
import dev.opensessions.domain.notify.NotificationGate;
import dev.opensessions.domain.notify.NotificationSettings;
import dev.opensessions.domain.session.Client;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.Topology;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells the user when an agent turns waiting, done, error or interrupted while nobody looks at it
 * (docs/reference/configuration.md#notifications): a message on every attached user client, the terminal's
 * own notification through the sidebar pane each client shows, and the user's command with the event as JSON.
 * Transitions are handed over on the event path without blocking it; the work happens on {@code executor}.
 *
 * <p>On the event path a transition is first put to the gate's timing ({@link NotificationGate#mayTell}: quiet
 * hours, a repeat, the thread's cooldown), which in a burst refuses nearly every one without waking any thread;
 * what passes is queued, and one task on the executor takes every transition queued until it runs: a burst wakes
 * the notification thread once, not once per transition. The gate is shared by the event path and that task and
 * locks itself.
 */
public final class AgentNotificationService implements TransitionRecorder {

    private static final System.Logger LOG = System.getLogger(AgentNotificationService.class.getName());
    static final String TITLE = "opensessions";
    /**
     * How long the messages wait at most for tmux to have read the terminal notifications. tmux answers within
     * milliseconds; the limit only keeps a sidebar whose shim stopped reading from holding the messages back.
     */
    static final Duration PASS_THROUGH_LIMIT = Duration.ofSeconds(5);
    /** Transitions waiting for the notification thread beyond this are dropped rather than grow memory. */
    static final int MAX_WAITING = 64;

    private final StateOwner owner;
    private final Multiplexer multiplexer;
    private final SidebarOutput sidebars;
    private final UserCommand command;
    private volatile NotificationSettings settings;
    private final Clock clock;
    private final Executor executor;
    private final NotificationGate gate;
    /** Transitions that passed the gate's timing on the event path, waiting for the executor's task. */
    private final Queue<StatusTransition> waiting = new ConcurrentLinkedQueue<>();
    /** Whether a task that will take everything in {@link #waiting} is handed to the executor and not yet begun. */
    private final AtomicBoolean handedOver = new AtomicBoolean();

    public AgentNotificationService(StateOwner owner, Multiplexer multiplexer, SidebarOutput sidebars,
                                    UserCommand command, NotificationSettings settings, Clock clock, Executor executor) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.multiplexer = Objects.requireNonNull(multiplexer, "multiplexer");
        this.sidebars = Objects.requireNonNull(sidebars, "sidebars");
        this.command = Objects.requireNonNull(command, "command");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.gate = new NotificationGate(settings);
    }

    /** The settings in use. */
    public NotificationSettings settings() {
        return settings;
    }

    /** Notifies by these settings from now on (the user edited config.json); earlier notifications still count. */
    public void use(NotificationSettings next) {
        Objects.requireNonNull(next, "next");
        settings = next;
        gate.use(next);
    }

    /**
     * Runs on the state owner's thread: only statuses that may be told, and whose timing the gate allows now, are
     * handed on, and never waited for.
     */
    @Override
    public void record(StatusTransition transition) {
        if (!settings.enabled() || !NotificationSettings.NOTIFIABLE.contains(transition.to())
                || transition.from() == transition.to()) {
            return;
        }
        Instant now = clock.instant();
        if (!gate.mayTell(transition, now, LocalTime.ofInstant(now, clock.getZone()))) {
            return;
        }
        if (waiting.size() >= MAX_WAITING) {
            LOG.log(Level.DEBUG, "notification of " + transition.thread() + " dropped: too many waiting");
            return;
        }
        waiting.add(transition);
        if (handedOver.compareAndSet(false, true)) {
            try {
                executor.execute(this::deliverWaiting);
            } catch (RejectedExecutionException full) {
                handedOver.set(false);
                LOG.log(Level.DEBUG, "notification of " + transition.thread() + " dropped: the executor refused it");
            }
        }
    }

    /** Delivers every transition queued until now, in order; transitions queued meanwhile hand over a new task. */
    private void deliverWaiting() {
        handedOver.set(false);
        StatusTransition next;
        while ((next = waiting.poll()) != null) {
            deliver(next);
        }
    }

    /** Decides on the state as it is now (the status may have moved on) and tells every user client. */
    synchronized void deliver(StatusTransition transition) {
        NotificationSettings settings = this.settings;
        // Asked first without the state: reading it goes through the owner, which the event path holds for every
        // event, and in a burst nearly every transition is within its thread's cooldown.
        Instant now = clock.instant();
        LocalTime local = LocalTime.ofInstant(now, clock.getZone());
        if (!gate.mayTell(transition, now, local)) {
            return;
        }
        // Through the owner, so the state read is the one the recording of this transition published: the
        // transition is handed over while that recording still holds the owner.
        StateSnapshot snapshot = owner.apply(state -> Change.of(state, owner.current()));
        Optional<AgentThread> found = snapshot.agents().find(transition.thread())
                .filter(thread -> thread.status() == transition.to());
        if (found.isEmpty() || lookedAt(snapshot.topology(), found.get())) {
            return;
        }
        AgentThread thread = found.get();
        if (gate.decide(thread.agent(), transition, now, local) != NotificationGate.Verdict.TELL) {
            return;
        }
        String text = NotificationText.of(thread);
        // The terminal notifications go first, and the messages only once tmux has read them: while tmux shows
        // a status line message on a client it freezes that client's terminal and drops what a pane passes
        // through to it (docs/how-to/get-notified.md). tmux passes a pane's sequence to every client showing
        // that pane: one write per pane, not per client.
        Map<PaneId, CompletionStage<Void>> passedThrough = new HashMap<>();
        for (Client client : snapshot.topology().clients()) {
            passThrough(settings, client.tty(), text, passedThrough);
        }
        if (settings.tmuxMessage()) {
            awaitRead(passedThrough.values());
            for (Client client : snapshot.topology().clients()) {
                showMessage(client.tty(), text);
            }
        }
        if (!settings.command().isEmpty()) {
            switch (command.start(settings.command(), NotificationText.json(thread, transition),
                    settings.commandTimeout())) {
                case UserCommand.StartOutcome.Started started -> { }
                case UserCommand.StartOutcome.Busy busy ->
                        LOG.log(Level.INFO, "notifyCommand not run for " + thread.key() + ": earlier ones still run");
                case UserCommand.StartOutcome.NotStarted failed ->
                        LOG.log(Level.WARNING, "notifyCommand could not start: " + failed.reason());
            }
        }
    }

    /**
     * Somebody looks at the agent: an attached client's active pane is the agent's pane, or, for an agent
     * without a pane, a client shows its session.
     */
    static boolean lookedAt(Topology topology, AgentThread thread) {
        if (thread.paneId() != null) {
            return topology.clients().stream().anyMatch(c -> thread.paneId().equals(c.activePane()));
        }
        return topology.clients().stream().anyMatch(c -> c.session().equals(thread.session()));
    }

    private void passThrough(NotificationSettings settings, String clientTty, String text,
                             Map<PaneId, CompletionStage<Void>> passedThrough) {
        Optional<String> sequence = settings.terminal().passthrough(TITLE, text);
        if (sequence.isEmpty()) {
            return;
        }
        try {
            if (multiplexer.passthroughPane(clientTty) instanceof Multiplexer.PassthroughOutcome.Through through
                    && !passedThrough.containsKey(through.sidebarPane())
                    && sidebars.write(through.sidebarPane(), sequence.get())
                            instanceof SidebarOutput.WriteOutcome.Queued(CompletionStage<Void> handled)) {
                passedThrough.put(through.sidebarPane(), handled);
            }
        } catch (MultiplexerException failed) {
            LOG.log(Level.DEBUG, "no terminal notification for client " + clientTty + ": " + failed.getMessage());
        }
    }

    private void showMessage(String clientTty, String text) {
        try {
            multiplexer.showMessage(clientTty, TITLE + ": " + text);
        } catch (MultiplexerException failed) {
            LOG.log(Level.DEBUG, "no message for client " + clientTty + ": " + failed.getMessage());
        }
    }

    /** Waits until tmux has read every sequence just queued, so no message freezes a client before it. */
    private static void awaitRead(Collection<CompletionStage<Void>> written) {
        if (written.isEmpty()) {
            return;
        }
        CompletableFuture<?>[] all = written.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture<?>[]::new);
        try {
            CompletableFuture.allOf(all).get(PASS_THROUGH_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException late) {
            LOG.log(Level.WARNING, "tmux did not confirm reading a terminal notification within "
                    + PASS_THROUGH_LIMIT.toSeconds() + " s; the status line messages go now");
        }
    }
}
