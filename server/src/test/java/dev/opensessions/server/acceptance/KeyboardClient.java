package dev.opensessions.server.acceptance;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A user's tmux client in a real terminal whose keyboard the test types on: {@code script} runs
 * {@code tmux attach} in a pseudo-terminal and forwards what the test writes to its input, byte for byte,
 * as keys pressed in the terminal (tmux 3.3 has no {@code send-keys} to a client).
 */
final class KeyboardClient implements AutoCloseable {

    /** The tmux prefix key C-b as the terminal sends it. */
    static final String PREFIX = "\u0002";

    private static final String ATTACH =
            "stty rows \"$OS_ROWS\" cols \"$OS_COLS\" && exec tmux -S \"$OS_SOCKET\" attach-session -t \"$OS_TARGET\"";

    private final Process process;
    private final OutputStream keyboard;
    private final PrivateTmux tmux;
    private final String tty;

    private KeyboardClient(Process process, PrivateTmux tmux, String tty) {
        this.process = process;
        this.keyboard = process.getOutputStream();
        this.tmux = tmux;
        this.tty = tty;
    }

    /** Attaches a new client to the session and waits until tmux lists it. */
    static KeyboardClient attach(PrivateTmux tmux, String session) throws IOException {
        Set<String> before = ttys(tmux);
        ProcessBuilder builder = new ProcessBuilder("script", "-qfc", ATTACH, "/dev/null")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true);
        builder.environment().remove("TMUX");
        builder.environment().remove("TMUX_PANE");
        builder.environment().put("TERM", "xterm-256color");
        builder.environment().put("OS_ROWS", Integer.toString(PrivateTmux.ROWS));
        builder.environment().put("OS_COLS", Integer.toString(PrivateTmux.COLUMNS));
        builder.environment().put("OS_SOCKET", tmux.socket().toString());
        builder.environment().put("OS_TARGET", "=" + session);
        Process process = builder.start();
        Eventually.until(() -> ttys(tmux).size() > before.size(), Duration.ofSeconds(10), "client attached",
                () -> String.join("\n", ttys(tmux)));
        String tty = ttys(tmux).stream().filter(t -> !before.contains(t)).findFirst().orElseThrow();
        return new KeyboardClient(process, tmux, tty);
    }

    String tty() {
        return tty;
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

    private void type(String keys) throws IOException {
        keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    private void awaitKeyTable(String table) {
        Eventually.until(() -> keyTable().equals(table), Duration.ofSeconds(5), "client in key table " + table,
                this::keyTable);
    }

    private String keyTable() {
        return tmux.tryRun("list-clients", "-F", "#{client_tty} #{client_key_table}").lines()
                .filter(line -> line.startsWith(tty + " "))
                .map(line -> line.substring(tty.length() + 1))
                .findFirst().orElse("");
    }

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
