package dev.opensessions.server.acceptance;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/reference/sidebar.md#shown-or-hidden: showing the sidebars is a presence reconciliation over every unique
 * window.
 */
class WarmUpIT extends AcceptanceTest {

    /** Control sequences (CSI and OSC) and single escapes, as a terminal would consume them. */
    private static final Pattern ESCAPES = Pattern.compile(
            "\u001b\\[[0-?]*[ -/]*[@-~]|\u001b\\][^\u0007\u001b]*(\u0007|\u001b\\\\)|\u001b.");

    @Test
    void warmUpGivesEveryUniqueWindowExactlyOneSidebarOriginSessionFirst() throws Exception {
        String alpha = session("alpha");
        String alphaSecond = tmux.newWindow("alpha", folder("alpha"));
        String alphaThird = tmux.newWindow("alpha", folder("alpha"));
        String beta = session("beta");
        tmux.newWindow("beta", folder("beta"));
        // A window linked into a second session is one window: it gets one sidebar, not two.
        tmux.run("link-window", "-d", "-s", tmux.windowOf(alphaThird), "-t", "=beta:");
        String gamma = session("gamma");
        // Enough windows that the 35 ms stagger keeps the warm-up visible for a few hundred milliseconds.
        session("delta");
        for (int i = 0; i < 5; i++) {
            tmux.newWindow("delta", folder("delta"));
        }
        TerminalClient client = attach("beta");
        startFrom(beta);
        assertThat(opensessions.control("/toggle", beta)).isEqualTo(200);
        Eventually.until(() -> tmux.sidebars().isEmpty(), "hidden", () -> String.join("\n", tmux.panes()));
        // Every pane split from now on copies all it is sent to a file, from its first byte: the origin's
        // "warming up…" lasts only until the other sidebars connect, which a poll of the screen can miss on a
        // loaded machine, but it cannot be missed in what the pane was sent.
        Path sent = Files.createDirectories(home.resolve("sent"));
        tmux.run("set-hook", "-g", "after-split-window", "pipe-pane -o 'cat >> " + sent + "/#{pane_id}'");
        tmux.run("switch-client", "-c", client.tty(), "-t", "=alpha");
        tmux.run("select-window", "-t", tmux.windowOf(alphaSecond));
        awaitClientOn(client, "alpha");

        assertThat(opensessions.control("/toggle", alphaSecond)).isEqualTo(200);
        List<String> origin = tmux.sidebarsIn(tmux.windowOf(alphaSecond));
        assertThat(origin).as("the origin window's sidebar is opened before the answer").hasSize(1);
        Path originSent = sent.resolve(origin.getFirst());
        Eventually.until(() -> plainText(originSent).contains("warming up…"), "the origin sidebar warming up",
                () -> plainText(originSent) + "\n--- server log ---\n" + serverLog());

        Set<String> windows = uniqueWindows();
        assertThat(windows).hasSize(12);
        Eventually.until(() -> windows.stream().allMatch(w -> tmux.sidebarsIn(w).size() == 1),
                "one sidebar in every unique window", () -> String.join("\n", tmux.panes()));
        awaitScreen(origin.getFirst(), s -> s.lines().getFirst().contains("⚡"), "warming up cleared");
        assertThat(Eventually.holds(() -> tmux.sidebars().size() == windows.size(), Duration.ofMillis(500)))
                .as("no second sidebar anywhere: " + tmux.panes()).isTrue();

        List<String> openingOrder = new ArrayList<>();
        for (String sidebar : tmux.sidebars()) {
            openingOrder.add(tmux.windowOf(sidebar));
        }
        assertThat(openingOrder.getFirst()).as("the origin window first").isEqualTo(tmux.windowOf(alphaSecond));
        assertThat(Set.copyOf(openingOrder.subList(1, 3))).as("then the origin session's other windows")
                .containsExactlyInAnyOrder(tmux.windowOf(alpha), tmux.windowOf(alphaThird));
        assertThat(openingOrder.subList(3, 12)).contains(tmux.windowOf(beta), tmux.windowOf(gamma));
    }

    /** What the pane was sent, without its escape sequences: the text the sidebar painted, in order. */
    private static String plainText(Path sent) {
        try {
            return Files.exists(sent)
                    ? ESCAPES.matcher(Files.readString(sent, StandardCharsets.UTF_8)).replaceAll("") : "";
        } catch (IOException unreadable) {
            return "";
        }
    }

    private String serverLog() {
        try {
            List<String> lines = Files.readAllLines(opensessions.runtimeDir().resolve("server.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException unreadable) {
            return "(no server log: " + unreadable.getMessage() + ")";
        }
    }

    private Set<String> uniqueWindows() {
        Set<String> windows = new LinkedHashSet<>();
        tmux.panes().forEach(line -> windows.add(line.split(" ")[1]));
        return windows;
    }
}
