package dev.opensessions.adapters.tmux;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Window and pane commands: select, show a pane on a client, split a sidebar off an edge, title, kill, resize,
 * respawn, style, popups, new windows, options.
 */
public final class TmuxPaneCommands {

    private final TmuxControl control;

    public TmuxPaneCommands(TmuxControl control) {
        this.control = Objects.requireNonNull(control, "control");
    }

    public CompletableFuture<Void> selectWindow(String windowId) {
        return run("select-window", "-t", TmuxNames.windowId(windowId));
    }

    public CompletableFuture<Void> selectPane(String paneId) {
        return run("select-pane", "-t", TmuxNames.paneId(paneId));
    }

    /** Moves a client to the pane's session and window and makes the pane active there (one command). */
    public CompletableFuture<Void> showPane(String clientTty, String paneId) {
        return run("switch-client", "-c", clientTty, "-t", TmuxNames.paneId(paneId));
    }

    /** Shows a line on one client's status line for 8 seconds; the text is shown as is, {@code #} and {@code %} included. */
    public CompletableFuture<Void> showMessage(String clientTty, String text) {
        return run("display-message", "-c", clientTty, "-d", "8000", TmuxCommandLine.message(text));
    }

    /**
     * A format expanded for one pane, such as {@code #{allow-passthrough}}; empty when tmux printed nothing. tmux
     * passes the format through {@code strftime} first, so a {@code %} in it must be written {@code %%}.
     */
    public CompletableFuture<String> paneFormat(String paneId, String format) {
        return control.execute("display-message", "-p", "-t", TmuxNames.paneId(paneId), format)
                .thenApply(lines -> lines.isEmpty() ? "" : lines.getFirst());
    }

    /** Sets a pane's title; the text is kept literal, not format-expanded. */
    public CompletableFuture<Void> setTitle(String paneId, String title) {
        return run("select-pane", "-t", TmuxNames.paneId(paneId), "-T", TmuxCommandLine.literal(title));
    }

    /** Opens a window at the session's next free index, selected, running the program in the directory. */
    public CompletableFuture<Void> newWindow(String sessionId, String directory, List<String> command) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a window needs a command");
        }
        List<String> argv = new ArrayList<>(List.of("new-window", "-t", TmuxNames.sessionId(sessionId) + ":"));
        if (directory != null && !directory.isEmpty()) {
            argv.addAll(List.of("-c", TmuxCommandLine.literal(directory)));
        }
        argv.add("--");
        argv.addAll(program(command));
        return run(argv);
    }

    /** Splits a full-height pane ({@code -f}) off the window's left or right edge; completes with its id. */
    public CompletableFuture<String> split(SplitRequest request) {
        List<String> argv = new ArrayList<>(List.of("split-window", "-h", "-f"));
        if (request.edge() == Edge.LEFT) {
            argv.add("-b");
        }
        if (!request.focus()) {
            argv.add("-d");
        }
        argv.addAll(List.of("-l", Integer.toString(request.width()), "-t", request.target(),
                "-P", "-F", "#{pane_id}"));
        if (!request.directory().isEmpty()) {
            argv.addAll(List.of("-c", TmuxCommandLine.literal(request.directory())));
        }
        for (Map.Entry<String, String> variable : request.environment().entrySet()) {
            argv.addAll(List.of("-e", variable.getKey() + "=" + variable.getValue()));
        }
        argv.add("--");
        argv.addAll(program(request.command()));
        return control.execute(argv).thenApply(lines -> {
            if (lines.isEmpty()) {
                throw new TmuxException("tmux printed no pane id");
            }
            return lines.getFirst();
        });
    }

    /**
     * The pane's size now, asked of tmux (one command, so it is right even before the next listing); empty
     * when tmux knows no such pane.
     */
    public CompletableFuture<Optional<TmuxPaneSize>> size(String paneId) {
        // Waits for the control client: a sidebar may connect while the server is still attaching; the caller
        // bounds the wait.
        return control.executeAttached(List.of("display-message", "-p", "-t", TmuxNames.paneId(paneId),
                        "#{pane_width} #{pane_height}"))
                .handle((lines, failure) -> {
                    if (failure != null || lines.isEmpty()) {
                        return Optional.empty();
                    }
                    String[] cells = lines.getFirst().split(" ");
                    if (cells.length != 2 || !cells[0].matches("\\d{1,4}") || !cells[1].matches("\\d{1,4}")) {
                        return Optional.empty();
                    }
                    return Optional.of(new TmuxPaneSize(Integer.parseInt(cells[0]), Integer.parseInt(cells[1])));
                });
    }

    public CompletableFuture<Void> killWindow(String windowId) {
        return run("kill-window", "-t", TmuxNames.windowId(windowId));
    }

    public CompletableFuture<Void> killPane(String paneId) {
        return run("kill-pane", "-t", TmuxNames.paneId(paneId));
    }

    public CompletableFuture<Void> resizePane(String paneId, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("width < 1");
        }
        return run("resize-pane", "-t", TmuxNames.paneId(paneId), "-x", Integer.toString(width));
    }

    /** Restarts the pane with a new program, killing whatever still runs in it. */
    public CompletableFuture<Void> respawnPane(String paneId, List<String> command) {
        List<String> argv = new ArrayList<>(List.of("respawn-pane", "-k", "-t", TmuxNames.paneId(paneId), "--"));
        argv.addAll(program(command));
        return run(argv);
    }

    /** Sets the pane's style whether or not it is active (for a flash); an empty style restores the default. */
    public CompletableFuture<Void> setPaneStyle(String paneId, String style) {
        String id = TmuxNames.paneId(paneId);
        if (style.isEmpty()) {
            return CompletableFuture.allOf(run("set-option", "-p", "-u", "-t", id, "window-style"),
                    run("set-option", "-p", "-u", "-t", id, "window-active-style"));
        }
        return CompletableFuture.allOf(run("set-option", "-p", "-t", id, "window-style", style),
                run("set-option", "-p", "-t", id, "window-active-style", style));
    }

    /** Shows a popup on one client; it closes when its program exits ({@code -E}). */
    public CompletableFuture<Void> showPopup(PopupRequest request) {
        List<String> argv = new ArrayList<>(List.of("display-popup", "-E", "-c", request.clientTty(),
                "-w", request.width(), "-h", request.height()));
        if (!request.title().isEmpty()) {
            argv.addAll(List.of("-T", TmuxCommandLine.literal(request.title())));
        }
        if (!request.directory().isEmpty()) {
            argv.addAll(List.of("-d", TmuxCommandLine.literal(request.directory())));
        }
        argv.add("--");
        argv.addAll(program(request.command()));
        return run(argv);
    }

    /** Sets an option; {@code target} is the session, window or pane id for the targeted scopes, else ignored. */
    public CompletableFuture<Void> setOption(OptionScope scope, String target, String name, String value) {
        List<String> argv = new ArrayList<>(List.of("set-option"));
        argv.addAll(scope.flags());
        if (scope.targeted()) {
            argv.addAll(List.of("-t", Objects.requireNonNull(target, "target")));
        }
        argv.addAll(List.of("--", name, value));
        return run(argv);
    }

    /**
     * A global session option ({@code set -g}) as its value, empty when unset. Waits for the control client to
     * attach, so it also answers while the server starts.
     */
    public CompletableFuture<Optional<String>> globalOption(String name) {
        // -q: an unset option prints nothing instead of an error; -v: the value alone, unquoted.
        return control.executeAttached(List.of("show-options", "-gqv", "--", name))
                .thenApply(lines -> lines.isEmpty() ? Optional.empty() : Optional.of(lines.getFirst()));
    }

    /**
     * tmux runs a one-word command through {@code sh -c}, which would parse the word as shell text. Passing
     * it as {@code $0} of a fixed script keeps it a plain program path, never parsed.
     */
    static List<String> program(List<String> command) {
        if (command.size() == 1) {
            return List.of("/bin/sh", "-c", "exec \"$0\"", command.getFirst());
        }
        return command;
    }

    private CompletableFuture<Void> run(String... argv) {
        return run(List.of(argv));
    }

    private CompletableFuture<Void> run(List<String> argv) {
        return control.execute(argv).thenApply(lines -> null);
    }
}
