package dev.opensessions.server.acceptance;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A user's tmux client in a real terminal: {@code script} gives {@code tmux attach} a pseudo-terminal of
 * 160 x 50 cells; its tty names the client in tmux and can be resized like a terminal window, and what the
 * test writes to {@code script}'s input arrives as keys typed on that terminal (tmux 3.3 has no
 * {@code send-keys} to a client).
 */
final class TerminalClient implements AutoCloseable {

    /** The tmux prefix key C-b as the terminal sends it. */
    static final String PREFIX = "\u0002";
    /** The arrow keys as an xterm sends them. */
    static final String RIGHT = "\u001b[C";
    static final String LEFT = "\u001b[D";
    /** The time between two keys a person types. */
    static final Duration PACE = Duration.ofMillis(120);

    /** Socket and session come in through the environment, so nothing is pasted into the shell line. */
    private static final String ATTACH =
            "stty rows \"$OS_ROWS\" cols \"$OS_COLS\" && exec tmux -S \"$OS_SOCKET\" attach-session -t \"$OS_TARGET\"";

    private final Process process;
    private final PrivateTmux tmux;
    private final String tty;

    private TerminalClient(Process process, PrivateTmux tmux, String tty) {
        this.process = process;
        this.tmux = tmux;
        this.tty = tty;
    }

    /** Attaches a new client to the session and waits until tmux lists it. */
    static TerminalClient attach(PrivateTmux tmux, String session) throws IOException {
        return attach(tmux, session, "/dev/null");
    }

    /**
     * Attaches a new client whose terminal keeps everything tmux writes to it in {@code typescript}: what it
     * showed (a status line message) and what it was asked to do (a notification sequence passed through).
     */
    static TerminalClient attach(PrivateTmux tmux, String session, java.nio.file.Path typescript) throws IOException {
        return attach(tmux, session, typescript.toString());
    }

    private static TerminalClient attach(PrivateTmux tmux, String session, String typescript) throws IOException {
        Set<String> before = ttys(tmux);
        ProcessBuilder builder = new ProcessBuilder("script", "-qfc", ATTACH, typescript)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true);
        builder.environment().remove("TMUX");
        builder.environment().remove("TMUX_PANE");
        builder.environment().put("TERM", "xterm-256color");
        builder.environment().put("OS_ROWS", Integer.toString(PrivateTmux.ROWS));
        builder.environment().put("OS_COLS", Integer.toString(PrivateTmux.COLUMNS));
        builder.environment().put("OS_SOCKET", tmux.socket().toString());
        builder.environment().put("OS_TARGET", "=" + session);
        Process process = builder.start();
        Eventually.until(() -> ttys(tmux).size() > before.size(), Duration.ofSeconds(30), "client attached",
                () -> String.join("\n", ttys(tmux)));
        String tty = ttys(tmux).stream().filter(t -> !before.contains(t)).findFirst().orElseThrow();
        return new TerminalClient(process, tmux, tty);
    }

    String tty() {
        return tty;
    }

    /** Resizes the terminal as a user dragging its window would; tmux gets SIGWINCH from the kernel. */
    void resize(int columns, int rows) throws IOException, InterruptedException {
        Process stty = new ProcessBuilder(List.of("stty", "-F", tty, "cols", Integer.toString(columns), "rows",
                Integer.toString(rows))).redirectErrorStream(true).start();
        if (stty.waitFor() != 0) {
            throw new AssertionError("stty -F " + tty + ": " + new String(stty.getInputStream().readAllBytes()));
        }
    }

    /**
     * Presses the prefix and then each key, as a person does: each key waits until tmux has switched the
     * client to the key table the previous one leads to ({@code prefix}, then {@code opensessions}), since
     * keys arriving in one burst are read before the table switch is run.
     */
    void pressAfterPrefix(String... keys) throws IOException {
        type(PREFIX);
        awaitKeyTable("prefix");
        for (int i = 0; i < keys.length; i++) {
            type(keys[i]);
            if (i < keys.length - 1) {
                awaitKeyTable("opensessions");
            }
        }
    }

    /**
     * Types keys one after another at a person's pace (a key every {@link #PACE}), as one would on this terminal:
     * they go through tmux's key tables like any typed key, and reach the active pane when no binding takes
     * them. A key is a character or a whole escape sequence ({@link #RIGHT}, {@link #LEFT}, {@code "\r"}).
     */
    void typeKeys(String... keys) throws IOException, InterruptedException {
        for (String key : keys) {
            type(key);
            // A person's pace, not a wait for anything: keys typed in one burst are not what a user does.
            Thread.sleep(PACE.toMillis());
        }
    }

    /**
     * Clicks the left button on a cell of this terminal (0-based column and row), as an xterm reports a
     * click when tmux asked for mouse reports (SGR encoding): press, then release.
     */
    void click(int column, int row) throws IOException, InterruptedException {
        String at = (column + 1) + ";" + (row + 1);
        typeKeys("\u001b[<0;" + at + "M", "\u001b[<0;" + at + "m");
    }

    private void type(String keys) throws IOException {
        OutputStream keyboard = process.getOutputStream();
        keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    /**
     * Waits until the client reads keys through the root table again: after a repeatable prefix binding (the
     * arrows' {@code select-pane}), tmux keeps the prefix table for its {@code repeat-time}, and an arrow typed
     * then would select another pane instead of reaching the one just selected.
     */
    void awaitRootTable() {
        awaitKeyTable("root");
    }

    private void awaitKeyTable(String table) {
        Eventually.until(() -> keyTable().equals(table), Duration.ofSeconds(20), "client in key table " + table,
                this::keyTable);
    }

    private String keyTable() {
        return tmux.tryRun("list-clients", "-F", "#{client_tty} #{client_key_table}").lines()
                .filter(line -> line.startsWith(tty + " "))
                .map(line -> line.substring(tty.length() + 1))
                .findFirst().orElse("");
    }

    /** The ttys of the user clients (control-mode clients such as the server's own have none). */
    private static Set<String> ttys(PrivateTmux tmux) {
        return tmux.tryRun("list-clients", "-F", "#{client_control_mode} #{client_tty}").lines()
                .filter(line -> line.startsWith("0 "))
                .map(line -> line.substring(2))
                .collect(Collectors.toSet());
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
