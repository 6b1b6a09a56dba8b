package dev.opensessions.adapters.tmux;

import dev.opensessions.application.testkit.Await;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.testkit.PrivateTmux;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A started adapter on a private tmux server with its sidebar panes, a harmless long-running program standing
 * in for the pane shim (the real one needs the server), and a display order the test sets.
 */
final class Sidebars implements AutoCloseable {

    static final int WIDTH = 30;
    static final Duration WAIT = Duration.ofSeconds(30);

    final Running running;
    final PrivateTmux tmux;
    final TmuxSidebarPanes panes;
    final List<SessionName> order = new CopyOnWriteArrayList<>();

    private Sidebars(Running running) {
        this.running = running;
        this.tmux = running.tmux;
        this.panes = running.adapter.sidebarPanes(new SidebarLaunch(List.of("sleep", "600"),
                Map.of("OPENSESSIONS_TEST", "1")), () -> List.copyOf(order));
    }

    static Sidebars withSession(String session) {
        return new Sidebars(Running.withSession(session));
    }

    /** The id of the window the session shows. */
    String window(String session) {
        return tmux.run("display-message", "-p", "-t", "=" + session + ":", "#{window_id}").getFirst();
    }

    /** The sidebar panes tmux has in the window, as {@code id width}. */
    List<String> sidebarsIn(String window) {
        return tmux.run("list-panes", "-t", window, "-F", "#{pane_title}|#{pane_id} #{pane_width}").stream()
                .filter(line -> line.startsWith(TmuxPane.SIDEBAR_TITLE + "|"))
                .map(line -> line.substring(TmuxPane.SIDEBAR_TITLE.length() + 1))
                .toList();
    }

    List<String> windowIds() {
        return tmux.run("list-windows", "-a", "-F", "#{window_id}").stream().distinct().toList();
    }

    void awaitSidebar(String window, String what) {
        Await.until(() -> sidebarsIn(window).size() == 1, WAIT, what);
    }

    /** The width tmux gives the window's one sidebar. */
    int sidebarWidth(String window) {
        List<String> sidebars = sidebarsIn(window);
        if (sidebars.size() != 1) {
            throw new AssertionError("expected one sidebar in " + window + " but found " + sidebars);
        }
        return Integer.parseInt(sidebars.getFirst().split(" ")[1]);
    }

    /** Waits until the sidebar panes have reacted to a model state that meets the condition. */
    void awaitHandled(Predicate<TmuxSnapshot> condition, String what) {
        Await.until(() -> panes.handled() != null && condition.test(panes.handled()), WAIT, what);
    }

    /** Resizes a real client's terminal; tmux sees it as the user resizing the terminal window. */
    void resizeClient(String tty, int columns, int rows) {
        try {
            Process stty = new ProcessBuilder("stty", "-F", tty, "cols", Integer.toString(columns),
                    "rows", Integer.toString(rows)).redirectErrorStream(true).start();
            if (!stty.waitFor(10, TimeUnit.SECONDS) || stty.exitValue() != 0) {
                throw new AssertionError("stty failed: " + new String(stty.getInputStream().readAllBytes()));
            }
        } catch (IOException | InterruptedException failed) {
            throw new AssertionError(failed);
        }
        Await.until(() -> tmux.run("list-clients", "-F", "#{client_tty} #{client_width}")
                .contains(tty + " " + columns), WAIT, "client resized");
    }

    @Override
    public void close() {
        running.close();
    }
}
