package dev.opensessions.adapters.tmux;

import dev.opensessions.application.port.out.Multiplexer;
import dev.opensessions.application.port.out.MultiplexerException;
import dev.opensessions.domain.session.SessionName;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The core's {@link Multiplexer} on tmux: finds sessions by their exact name in the model, runs the session
 * commands on their ids and waits for tmux's answer at most the command timeout.
 */
public final class TmuxMultiplexer implements Multiplexer {

    private final TmuxSessionCommands commands;
    private final TmuxModel model;
    private final Duration timeout;

    public TmuxMultiplexer(TmuxSessionCommands commands, TmuxModel model, Duration timeout) {
        this.commands = Objects.requireNonNull(commands, "commands");
        this.model = Objects.requireNonNull(model, "model");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** Switches only a user client the model lists, so {@code clientTty} never reaches tmux unchecked. */
    @Override
    public SwitchOutcome switchClient(String clientTty, SessionName session) {
        Objects.requireNonNull(clientTty, "clientTty");
        Objects.requireNonNull(session, "session");
        TmuxSnapshot snapshot = knowing(s -> named(s, session).isPresent() && hasClient(s, clientTty));
        Optional<TmuxSession> target = named(snapshot, session);
        if (target.isEmpty()) {
            return new SwitchOutcome.UnknownSession();
        }
        if (!hasClient(snapshot, clientTty)) {
            return new SwitchOutcome.UnknownClient();
        }
        await("switch-client", commands.switchClient(clientTty, target.get().id()));
        return new SwitchOutcome.Switched();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the name is blank, holds control characters or is too long to be
     *                                  a {@link SessionName}; nothing is created then
     */
    @Override
    public SessionName createSession(String name, String directory) {
        requireUsable(name);
        return stored("new-session", await("new-session", commands.create(name, directory)));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException as for {@link #createSession}; nothing is renamed then
     */
    @Override
    public RenameOutcome renameSession(SessionName session, String newName) {
        Objects.requireNonNull(session, "session");
        requireUsable(newName);
        Optional<TmuxSession> target = named(knowing(s -> named(s, session).isPresent()), session);
        if (target.isEmpty()) {
            return new RenameOutcome.UnknownSession();
        }
        SessionRef renamed = await("rename-session", commands.rename(target.get().id(), newName));
        return new RenameOutcome.Renamed(stored("rename-session", renamed));
    }

    /** Names in {@code displayOrder} that tmux does not have are left out of the fallback choice. */
    @Override
    public KillOutcome killSession(SessionName session, List<SessionName> displayOrder) {
        Objects.requireNonNull(session, "session");
        List<SessionName> order = List.copyOf(displayOrder);
        TmuxSnapshot snapshot = knowing(s -> named(s, session).isPresent()
                && order.stream().allMatch(name -> named(s, name).isPresent()));
        Optional<TmuxSession> target = named(snapshot, session);
        if (target.isEmpty()) {
            return new KillOutcome.UnknownSession();
        }
        List<String> orderIds = order.stream()
                .flatMap(name -> named(snapshot, name).stream())
                .map(TmuxSession::id)
                .toList();
        await("kill-session", commands.kill(target.get().id(), orderIds));
        return new KillOutcome.Killed();
    }

    /** The model's snapshot, or a fresh listing when it lacks something: the model may lag tmux a moment. */
    private TmuxSnapshot knowing(Predicate<TmuxSnapshot> complete) {
        TmuxSnapshot current = model.current();
        return complete.test(current) ? current : await("session listing", model.refresh());
    }

    private static Optional<TmuxSession> named(TmuxSnapshot snapshot, SessionName name) {
        return snapshot.sessionNamed(name.value());
    }

    private static boolean hasClient(TmuxSnapshot snapshot, String tty) {
        return snapshot.clients().stream().anyMatch(client -> client.tty().equals(tty));
    }

    /** Refuses, before tmux sees it, a name whose stored form could not come back as a {@link SessionName}. */
    private static void requireUsable(String name) {
        SessionName.of(TmuxNames.sessionName(name));
    }

    private static SessionName stored(String command, SessionRef ref) {
        try {
            return SessionName.of(ref.name());
        } catch (IllegalArgumentException unusable) {
            // tmux escapes some characters ($, \), which can push a long name past what the core holds.
            throw new MultiplexerException("tmux " + command + " stored a name too long to use", unusable);
        }
    }

    /**
     * Waits for tmux. The message names the command only: tmux's own error text echoes the user's input and
     * stays in the cause, for the log.
     */
    private <T> T await(String command, CompletableFuture<T> reply) {
        try {
            return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new MultiplexerException("interrupted while waiting for tmux " + command, interrupted);
        } catch (TimeoutException late) {
            throw timedOut(command, late);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof TimeoutException late) {
                throw timedOut(command, late);
            }
            throw new MultiplexerException("tmux " + command + " failed", cause);
        }
    }

    private MultiplexerException timedOut(String command, TimeoutException late) {
        return new MultiplexerException(
                "tmux " + command + " got no answer within " + timeout.toMillis() + " ms", late);
    }
}
