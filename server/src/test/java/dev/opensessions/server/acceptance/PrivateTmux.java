package dev.opensessions.server.acceptance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A tmux server of the test's own ({@code -S} socket in a temp folder, no user config), driven with argument
 * vectors: creates sessions, windows and panes, and reads what a user would see in it. Runs its commands
 * through the shared {@link dev.opensessions.testkit.PrivateTmux}.
 */
final class PrivateTmux implements AutoCloseable {

    static final String SIDEBAR_TITLE = "opensessions-sidebar";
    static final int COLUMNS = 160;
    static final int ROWS = 50;

    private final Path socket;
    private final dev.opensessions.testkit.PrivateTmux server;
    private boolean started;

    PrivateTmux(Path socket) {
        this.socket = socket;
        this.server = dev.opensessions.testkit.PrivateTmux.atSocket(socket);
    }

    Path socket() {
        return socket;
    }

    /** A detached session of 160 x 50 cells in {@code directory}; the first one also starts the server. */
    String newSession(String name, Path directory) {
        return newSession(name, directory, new String[0]);
    }

    /** The same, its pane running {@code command} (an argument vector) instead of a shell. */
    String newSession(String name, Path directory, String... command) {
        List<String> argv = new ArrayList<>();
        if (!started) {
            argv.addAll(List.of("-f", "/dev/null"));
        }
        argv.addAll(List.of("new-session", "-d", "-s", name, "-x", Integer.toString(COLUMNS), "-y",
                Integer.toString(ROWS), "-c", directory.toString(), "-P", "-F", "#{pane_id}"));
        argv.addAll(Arrays.asList(command));
        String pane = run(argv.toArray(String[]::new)).strip();
        started = true;
        return pane;
    }

    /** A new window in the session, not selected; returns its first pane. */
    String newWindow(String session, Path directory) {
        return run("new-window", "-d", "-t", "=" + session + ":", "-c", directory.toString(), "-P", "-F",
                "#{pane_id}").strip();
    }

    /** Splits the pane side by side; returns the new pane, on the right. */
    String splitRight(String pane) {
        return run("split-window", "-h", "-d", "-t", pane, "-P", "-F", "#{pane_id}").strip();
    }

    String windowOf(String pane) {
        return format(pane, "#{window_id}");
    }

    String sessionOf(String pane) {
        return format(pane, "#{session_name}");
    }

    String format(String target, String format) {
        return run("display-message", "-p", "-t", target, format).strip();
    }

    /** The pane's visible text, one line per row. */
    String screen(String pane) {
        return tryRun("capture-pane", "-p", "-t", pane);
    }

    int width(String pane) {
        String width = tryRun("display-message", "-p", "-t", pane, "#{pane_width}").strip();
        return width.matches("[0-9]+") ? Integer.parseInt(width) : -1;
    }

    /** Every pane as {@code pane_id window_id session_name title}, one per line. */
    List<String> panes() {
        return tryRun("list-panes", "-a", "-F", "#{pane_id} #{window_id} #{session_name} #{pane_title}").lines()
                .filter(line -> !line.isBlank()).toList();
    }

    /**
     * The sidebar panes, in pane id order (tmux numbers panes as it creates them); a window linked into
     * several sessions is listed once per session, its panes count once.
     */
    List<String> sidebars() {
        return panes().stream().filter(line -> line.endsWith(" " + SIDEBAR_TITLE))
                .map(line -> line.substring(0, line.indexOf(' ')))
                .distinct()
                .sorted((a, b) -> Integer.compare(number(a), number(b)))
                .toList();
    }

    /** The sidebars of one window (exactly one while the window is shown with sidebars visible). */
    List<String> sidebarsIn(String windowId) {
        return sidebars().stream().filter(pane -> windowOf(pane).equals(windowId)).toList();
    }

    List<String> sessions() {
        return tryRun("list-sessions", "-F", "#{session_name}").lines().filter(line -> !line.isBlank()).toList();
    }

    List<String> windows(String session) {
        return tryRun("list-windows", "-t", "=" + session + ":", "-F", "#{window_id}").lines()
                .filter(line -> line.startsWith("@")).toList();
    }

    /** The session a user client (by tty) shows. */
    String clientSession(String tty) {
        // display-message -c names where a message goes, not whose formats it expands: list the clients.
        return tryRun("list-clients", "-F", "#{client_tty} #{client_session}").lines()
                .filter(line -> line.startsWith(tty + " "))
                .map(line -> line.substring(tty.length() + 1))
                .findFirst().orElse("");
    }

    /** The context {@code bin/opensessions} posts for a pane: client tty, session, window, pane, active. */
    String context(String pane) {
        return format(pane, "#{client_tty}|#{session_name}|#{window_id}|#{pane_id}|#{pane_active}");
    }

    void keys(String pane, String... keys) {
        List<String> argv = new ArrayList<>(List.of("send-keys", "-t", pane));
        argv.addAll(Arrays.asList(keys));
        run(argv.toArray(String[]::new));
    }

    /** Runs a tmux command that must succeed; returns its output. */
    String run(String... arguments) {
        dev.opensessions.testkit.PrivateTmux.Outcome outcome = server.exec(arguments);
        if (outcome.exit() != 0) {
            throw new AssertionError("tmux " + String.join(" ", arguments) + " failed: " + outcome.output());
        }
        return outcome.output();
    }

    /** Runs a tmux command that may fail (a pane that is gone); returns its output, empty on failure. */
    String tryRun(String... arguments) {
        dev.opensessions.testkit.PrivateTmux.Outcome outcome = server.exec(arguments);
        return outcome.exit() == 0 ? outcome.output() : "";
    }

    static int number(String pane) {
        return Integer.parseInt(pane.substring(1));
    }

    @Override
    public void close() {
        if (started) {
            server.exec("kill-server");
        }
    }
}
