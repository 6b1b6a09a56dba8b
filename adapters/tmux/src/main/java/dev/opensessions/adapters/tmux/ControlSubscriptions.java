package dev.opensessions.adapters.tmux;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The control client's format subscriptions ({@code refresh-client -B}), each one set on a window of the session
 * the client sits on, never on the session itself.
 *
 * <p>tmux 3.3a checks a control client's subscriptions once a second. For a session subscription
 * ({@code name::format}) and for the all-panes and all-windows kinds ({@code name:%*:format},
 * {@code name:@*:format}) that check reads the client's session without looking whether it still has one. A
 * client loses its session, without being freed yet, when the session is destroyed while tmux still holds output
 * the client has not read (a busy server reads slowly): the next check crashes the whole tmux server. A window
 * subscription ({@code name:@3:format}) looks the window up and compares its sessions with the client's, so a
 * session-less client only stops getting lines. Its format is expanded for that window, and a {@code #{S:...}}
 * loop in it still covers every session of the server, so the text is the same as a session subscription's.
 *
 * <p>So every subscription sits on one window of the client's session (the anchor, asked of tmux) and moves to
 * another when the anchor closes or the client is moved to another session; setting a subscription again under
 * the same name replaces it. A new control client (after its session was killed) gets every subscription again.
 * See docs/explanation/tmux-control-mode.md.
 */
final class ControlSubscriptions {

    private final Function<List<String>, CompletableFuture<List<String>>> tmux;
    private final Map<String, String> formats = new LinkedHashMap<>();
    /** The window every subscription sits on ({@code @3}), empty while it is not known. */
    private String anchor = "";
    /** Counts the anchor questions; only the answer to the last one counts. */
    private long asked;
    /** Windows closed while the last question was open: its answer may name one of them. */
    private final Set<String> closedWhileAsking = new HashSet<>();

    ControlSubscriptions(Function<List<String>, CompletableFuture<List<String>>> tmux) {
        this.tmux = Objects.requireNonNull(tmux, "tmux");
    }

    /** The command that sets subscription {@code name} on {@code window}; tmux replaces one of that name. */
    static List<String> setCommand(String name, String window, String format) {
        return List.of("refresh-client", "-B", name + ":" + window + ":" + format);
    }

    /** The command that drops subscription {@code name}: without a format tmux removes it. */
    static List<String> dropCommand(String name) {
        return List.of("refresh-client", "-B", name);
    }

    /** Sets or replaces a subscription; sent now if the anchor is known, else as soon as it is. */
    synchronized void set(String name, String format) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        if (format.equals(formats.put(name, format)) || anchor.isEmpty()) {
            return;
        }
        tmux.apply(setCommand(name, anchor, format));
    }

    /** Drops a subscription. */
    synchronized void drop(String name) {
        if (formats.remove(name) != null && !anchor.isEmpty()) {
            tmux.apply(dropCommand(name));
        }
    }

    /** The window the subscriptions sit on, empty while unknown; for tests. */
    synchronized String anchor() {
        return anchor;
    }

    /** A new control client: it has no subscriptions yet. */
    void connected() {
        reanchor();
    }

    /** The control client ended; its subscriptions ended with it. */
    synchronized void disconnected() {
        anchor = "";
        asked++;
    }

    /** Moves the subscriptions when their window closes or the client moves to another session. */
    void notification(ControlEvent.Notification notification) {
        boolean move;
        synchronized (this) {
            move = switch (notification.name()) {
                case "window-close", "unlinked-window-close" -> closed(notification.words(2).getFirst());
                // At attach the anchor is still unknown and connected() asks for it.
                case "session-changed" -> !anchor.isEmpty();
                default -> false;
            };
        }
        if (move) {
            reanchor();
        }
    }

    private boolean closed(String window) {
        if (anchor.isEmpty()) {
            closedWhileAsking.add(window);
            return false;
        }
        return window.equals(anchor);
    }

    private void reanchor() {
        long question;
        synchronized (this) {
            anchor = "";
            closedWhileAsking.clear();
            question = ++asked;
        }
        // Without a target, the current window of the session the control client sits on.
        tmux.apply(List.of("display-message", "-p", "#{window_id}")).thenAccept(lines -> {
            if (!lines.isEmpty() && lines.getFirst().startsWith("@")) {
                anchorAt(question, lines.getFirst());
            }
        });
    }

    private void anchorAt(long question, String window) {
        synchronized (this) {
            if (question != asked) {
                return;
            }
            if (!closedWhileAsking.contains(window)) {
                anchor = window;
                formats.forEach((name, format) -> tmux.apply(setCommand(name, window, format)));
                return;
            }
        }
        // The answer came after tmux had already said that window closed.
        reanchor();
    }
}
