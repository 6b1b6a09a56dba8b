package dev.opensessions.adapters.tmux;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Lists the whole tmux universe over the control connection (four commands, no fork) and parses the
 * replies into a snapshot. Fields are separated by the unit separator, which tmux never lets into names or
 * titles; the free-form path comes last so a stray separator in it cannot shift the other fields.
 */
final class TmuxListing {

    static final String SEPARATOR = "\u001f";
    static final String SESSIONS = join("#{session_id}", "#{session_created}", "#{session_name}", "#{session_path}");
    static final String WINDOWS = join("#{session_id}", "#{window_id}", "#{window_index}", "#{window_active}",
            "#{window_width}", "#{window_name}");
    static final String PANES = join("#{session_id}", "#{window_id}", "#{pane_id}", "#{pane_active}", "#{pane_pid}",
            "#{pane_width}", "#{pane_height}", "#{pane_left}", "#{pane_current_command}", "#{pane_title}",
            "#{pane_current_path}");
    static final String CLIENTS = join("#{client_control_mode}", "#{session_id}", "#{client_activity}",
            "#{client_width}", "#{client_height}", "#{client_tty}");

    private TmuxListing() {
    }

    static CompletableFuture<TmuxSnapshot> read(TmuxControl control) {
        CompletableFuture<List<String>> sessions = control.execute("list-sessions", "-F", SESSIONS);
        CompletableFuture<List<String>> windows = control.execute("list-windows", "-a", "-F", WINDOWS);
        CompletableFuture<List<String>> panes = control.execute("list-panes", "-a", "-F", PANES);
        CompletableFuture<List<String>> clients = control.execute("list-clients", "-F", CLIENTS);
        return CompletableFuture.allOf(sessions, windows, panes, clients)
                .thenApply(done -> parse(sessions.join(), windows.join(), panes.join(), clients.join()));
    }

    static TmuxSnapshot parse(List<String> sessionLines, List<String> windowLines, List<String> paneLines,
                              List<String> clientLines) {
        List<TmuxWindow> windows = new ArrayList<>();
        for (String[] f : fields(windowLines, 6)) {
            windows.add(new TmuxWindow(f[1], f[0], integer(f[2]), f[5], "1".equals(f[3]), integer(f[4])));
        }
        Map<String, TmuxPane> panes = new LinkedHashMap<>();
        Map<String, List<String>> panesBySession = new LinkedHashMap<>();
        for (String[] f : fields(paneLines, 11)) {
            TmuxPane pane = new TmuxPane(f[2], f[1], "1".equals(f[3]), f[9], f[8], f[10], number(f[4]),
                    integer(f[5]), integer(f[6]), integer(f[7]));
            panes.putIfAbsent(pane.id(), pane);
            if (!pane.sidebar()) {
                panesBySession.computeIfAbsent(f[0], s -> new ArrayList<>()).add(pane.id());
            }
        }
        List<TmuxSession> sessions = new ArrayList<>();
        for (String[] f : fields(sessionLines, 4)) {
            List<String> windowIds = windows.stream().filter(w -> w.sessionId().equals(f[0]))
                    .map(TmuxWindow::id).toList();
            sessions.add(new TmuxSession(f[0], f[2], Instant.ofEpochSecond(number(f[1])), f[3], windowIds,
                    panesBySession.getOrDefault(f[0], List.of())));
        }
        List<TmuxClient> clients = new ArrayList<>();
        for (String[] f : fields(clientLines, 6)) {
            // Control-mode clients (ours, an editor's) are not a user looking at a session.
            if (!"1".equals(f[0])) {
                clients.add(new TmuxClient(f[5], f[1], Instant.ofEpochSecond(number(f[2])), integer(f[3]),
                        integer(f[4])));
            }
        }
        return new TmuxSnapshot(sessions, windows, List.copyOf(panes.values()), clients);
    }

    private static List<String[]> fields(List<String> lines, int count) {
        return lines.stream().map(line -> line.split(SEPARATOR, count)).filter(f -> f.length == count).toList();
    }

    private static int integer(String text) {
        return (int) Math.min(Integer.MAX_VALUE, number(text));
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    private static String join(String... formats) {
        return String.join(SEPARATOR, formats);
    }
}
