package dev.opensessions.adapters.tmux;

import dev.opensessions.application.port.out.Multiplexer;
import dev.opensessions.application.port.out.MultiplexerException;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * The core's {@link Multiplexer} on tmux: finds sessions by their exact name and clients and panes by their
 * ids in the model, runs the commands on ids and waits for tmux's answer at most the command timeout.
 */
public final class TmuxMultiplexer implements Multiplexer {

    /** The flash of a focused agent pane. */
    static final String FLASH_STYLE = "bg=colour238";
    static final Duration FLASH = Duration.ofMillis(180);

    private final TmuxSessionCommands commands;
    private final TmuxPaneCommands panes;
    private final TmuxModel model;
    private final Duration timeout;
    private final Duration flash;

    public TmuxMultiplexer(TmuxSessionCommands commands, TmuxPaneCommands panes, TmuxModel model, Duration timeout) {
        this(commands, panes, model, timeout, FLASH);
    }

    /** @param flash how long a focused agent pane keeps the flash style */
    public TmuxMultiplexer(TmuxSessionCommands commands, TmuxPaneCommands panes, TmuxModel model, Duration timeout,
                           Duration flash) {
        this.flash = Objects.requireNonNull(flash, "flash");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.panes = Objects.requireNonNull(panes, "panes");
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
     * {@inheritDoc} A window just turned to gets its sidebar a moment after the switch: the listing is read
     * again every 50 ms until one is there, for at most the command timeout.
     */
    @Override
    public SidebarFocusOutcome focusSidebar(String clientTty, SessionName session) {
        Objects.requireNonNull(clientTty, "clientTty");
        Objects.requireNonNull(session, "session");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            TmuxSnapshot snapshot = knowing(s -> onSession(s, clientTty, session)
                    && sidebarShownTo(s, clientTty).isPresent());
            Optional<TmuxPane> sidebar = onSession(snapshot, clientTty, session)
                    ? sidebarShownTo(snapshot, clientTty) : Optional.empty();
            if (sidebar.isPresent()) {
                if (!sidebar.get().active()) {
                    await("select-pane", panes.selectPane(sidebar.get().id()));
                }
                return new SidebarFocusOutcome.Focused();
            }
            if (!hasClient(snapshot, clientTty)) {
                return new SidebarFocusOutcome.UnknownClient();
            }
            if (System.nanoTime() - deadline > 0) {
                return new SidebarFocusOutcome.NoSidebar();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return new SidebarFocusOutcome.NoSidebar();
            }
        }
    }

    /** True when the client shows the named session (the switch has landed). */
    private static boolean onSession(TmuxSnapshot snapshot, String clientTty, SessionName session) {
        Optional<TmuxSession> target = named(snapshot, session);
        return target.isPresent() && snapshot.clients().stream()
                .anyMatch(client -> client.tty().equals(clientTty) && client.sessionId().equals(target.get().id()));
    }

    /** The sidebar pane of the window the client shows. */
    private static Optional<TmuxPane> sidebarShownTo(TmuxSnapshot snapshot, String clientTty) {
        return SidebarLayout.windowOf(snapshot, clientTty)
                .flatMap(window -> SidebarLayout.panesIn(snapshot, window).stream().filter(TmuxPane::sidebar).findFirst());
    }

    /** Reads tmux again when the model has no user client for the pane yet (it may have just attached). */
    @Override
    public Optional<String> clientShowing(PaneId pane) {
        Objects.requireNonNull(pane, "pane");
        TmuxSnapshot snapshot = knowing(s -> showing(s, pane).isPresent());
        return showing(snapshot, pane);
    }

    private static Optional<String> showing(TmuxSnapshot snapshot, PaneId pane) {
        Optional<TmuxPane> found = snapshot.pane(pane.value());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<String> sessions = snapshot.windows().stream()
                .filter(window -> window.id().equals(found.get().windowId()))
                .map(TmuxWindow::sessionId)
                .toList();
        return snapshot.clients().stream()
                .filter(client -> sessions.contains(client.sessionId()))
                .map(TmuxClient::tty)
                .findFirst();
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

    /** Checks the client and the pane in the model first, so neither id reaches tmux unchecked. */
    @Override
    public FocusOutcome focusPane(String clientTty, PaneId pane) {
        Objects.requireNonNull(clientTty, "clientTty");
        String id = pane.value();
        TmuxSnapshot snapshot = knowing(s -> hasClient(s, clientTty) && s.pane(id).isPresent());
        if (!hasClient(snapshot, clientTty)) {
            return new FocusOutcome.UnknownClient();
        }
        if (snapshot.pane(id).isEmpty()) {
            return new FocusOutcome.UnknownPane();
        }
        await("switch-client", panes.showPane(clientTty, id));
        await("select-pane", panes.selectPane(id));
        await("set-option", panes.setPaneStyle(id, FLASH_STYLE));
        // A one-shot reset on its own virtual thread: the caller does not wait for the flash to end.
        Thread.ofVirtual().name("tmux-flash-" + id).start(() -> unflash(id));
        return new FocusOutcome.Focused();
    }

    private void unflash(String paneId) {
        try {
            Thread.sleep(flash);
            panes.setPaneStyle(paneId, "");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Only a user client the model lists gets a message; the text is shown as is ({@code #} and {@code %} doubled). */
    @Override
    public MessageOutcome showMessage(String clientTty, String text) {
        Objects.requireNonNull(clientTty, "clientTty");
        Objects.requireNonNull(text, "text");
        if (!hasClient(knowing(s -> hasClient(s, clientTty)), clientTty)) {
            return new MessageOutcome.UnknownClient();
        }
        await("display-message", panes.showMessage(clientTty, text));
        return new MessageOutcome.Shown();
    }

    @Override
    public PassthroughOutcome passthroughPane(String clientTty) {
        Objects.requireNonNull(clientTty, "clientTty");
        // A sidebar split a moment ago gets its title after the listing that saw it: tmux is read again then.
        TmuxSnapshot snapshot = knowing(s -> hasClient(s, clientTty) && sidebarShownTo(s, clientTty).isPresent());
        if (!hasClient(snapshot, clientTty)) {
            return new PassthroughOutcome.UnknownClient();
        }
        Optional<TmuxPane> sidebar = sidebarShownTo(snapshot, clientTty);
        if (sidebar.isEmpty() || !PaneId.isValid(sidebar.get().id())) {
            return new PassthroughOutcome.NoSidebar();
        }
        String allowed = await("display-message", panes.paneFormat(sidebar.get().id(), "#{allow-passthrough}"));
        // tmux 3.3 has a flag (the format says 1), 3.4 a choice (on, all or off).
        return "1".equals(allowed) || "on".equals(allowed) || "all".equals(allowed)
                ? new PassthroughOutcome.Through(PaneId.of(sidebar.get().id()))
                : new PassthroughOutcome.PassthroughOff();
    }

    @Override
    public PaneKillOutcome killPane(PaneId pane) {
        String id = pane.value();
        if (knowing(s -> s.pane(id).isPresent()).pane(id).isEmpty()) {
            return new PaneKillOutcome.UnknownPane();
        }
        try {
            await("kill-pane", panes.killPane(id));
            return new PaneKillOutcome.Killed();
        } catch (MultiplexerException failed) {
            if (TmuxWait.targetGone(failed)) {
                return new PaneKillOutcome.UnknownPane();
            }
            throw failed;
        }
    }

    /** Nothing is shown when the model lists no such client. */
    @Override
    public void openPopup(String clientTty, String directory, List<String> command, String width, String height) {
        Objects.requireNonNull(clientTty, "clientTty");
        if (hasClient(knowing(s -> hasClient(s, clientTty)), clientTty)) {
            await("display-popup", panes.showPopup(new PopupRequest(clientTty, command, width, height, "",
                    directory)));
        }
    }

    /** Nothing is opened when tmux has no such session. */
    @Override
    public void openWindow(SessionName session, String directory, List<String> command) {
        Objects.requireNonNull(session, "session");
        Optional<TmuxSession> target = named(knowing(s -> named(s, session).isPresent()), session);
        if (target.isPresent()) {
            await("new-window", panes.newWindow(target.get().id(), directory, command));
        }
    }

    private TmuxSnapshot knowing(Predicate<TmuxSnapshot> complete) {
        return TmuxWait.knowing(model, complete, timeout);
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

    private <T> T await(String command, CompletableFuture<T> reply) {
        return TmuxWait.await(command, reply, timeout);
    }
}
