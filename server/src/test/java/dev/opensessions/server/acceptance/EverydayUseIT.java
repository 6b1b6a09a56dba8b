package dev.opensessions.server.acceptance;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The everyday screens after the first minutes, through the plugin and a real terminal whose keys go through
 * tmux's key tables: the newest log line and its source in view, diff counts that follow an edit, the theme's
 * background on every cell, Tab cycling that stays in the sidebar, the width modal over a wide sidebar, and a
 * kill that logs no warning.
 */
class EverydayUseIT extends PluginTest {

    private static final Duration SERVER_START = Duration.ofSeconds(90);
    /** Catppuccin Mocha's base, #1e1e2e, as tmux writes a background colour. */
    private static final String MOCHA_BASE = "48;2;30;30;46";
    /** The file {@link GitRepos} commits. */
    private static final String TRACKED = "README";

    @Test
    void theSidebarTellsTheTruthAndTabKeepsCyclingInIt() throws Exception {
        Path config = Files.createDirectories(home.resolve("config/opensessions")).resolve("config.json");
        Files.writeString(config, "{\"sidebarWidth\": 37}\n");
        PrivateTmux tmux = withPlugin(Installation.of(home.resolve("install")), List.of());
        Path repo = GitRepos.withWorktrees(home.resolve("git"), "beta").getFirst();
        tmux.newSession("beta", repo);
        tmux.newSession("gamma", home.resolve("work"));
        attach(tmux, "alpha");

        client.pressAfterPrefix("o", "t");
        Eventually.until(() -> tmux.sidebarsIn(tmux.windows("alpha").getFirst()).size() == 1, SERVER_START,
                "a sidebar in alpha's window", () -> String.join("\n", tmux.panes()));
        String sidebar = tmux.sidebarsIn(tmux.windows("alpha").getFirst()).getFirst();
        awaitText(tmux, sidebar, "gamma", "the list painted");

        // The theme's background is on every cell the sidebar draws, blank ones included.
        String painted = tmux.run("capture-pane", "-e", "-p", "-t", sidebar);
        // tmux writes a colour only where it changes: the base once, and never back to the terminal's own.
        assertThat(painted).contains(MOCHA_BASE).doesNotContain("\u001b[49m");

        // The log line pushed last shows, with its source, however many came before.
        for (int i = 1; i <= 12; i++) {
            log("step " + i, null);
        }
        log("newest", "deploy");
        awaitText(tmux, sidebar, "deploy · newest", "the newest log line and its source");

        // An edit shows in the diff counts without any git command.
        Files.writeString(repo.resolve(TRACKED), "an edit\n", StandardOpenOption.APPEND);
        awaitText(tmux, sidebar, "+1 -0", "the edit in beta's diff counts");

        // Tab from the sidebar switches and keeps the keyboard in the next sidebar: a second Tab goes on.
        client.pressAfterPrefix("o", "s");
        Eventually.until(() -> activePane(tmux, "alpha").equals(sidebar), "the keyboard in alpha's sidebar",
                () -> activePane(tmux, "alpha"));
        client.typeKeys("\t");
        Eventually.until(() -> tmux.clientSession(client.tty()).equals("beta"), "the client on beta",
                () -> tmux.clientSession(client.tty()));
        Eventually.until(() -> isSidebar(tmux, activePane(tmux, "beta")), "the keyboard in beta's sidebar",
                () -> String.join("\n", tmux.panes()));
        client.typeKeys("\t");
        Eventually.until(() -> tmux.clientSession(client.tty()).equals("gamma"), "a second Tab goes on to gamma",
                () -> tmux.clientSession(client.tty()));
        Eventually.until(() -> isSidebar(tmux, activePane(tmux, "gamma")), "the keyboard in gamma's sidebar",
                () -> String.join("\n", tmux.panes()));
        String gammaSidebar = activePane(tmux, "gamma");

        // The width modal over a 37-column sidebar hides the list on its rows.
        client.typeKeys("w");
        awaitText(tmux, gammaSidebar, "Sidebar width", "the width modal");
        List<String> modalRows = tmux.screen(gammaSidebar).lines().filter(line -> line.contains("│")
                || line.contains("╭") || line.contains("╰")).toList();
        assertThat(modalRows).isNotEmpty().allSatisfy(row -> {
            String outside = row.substring(0, row.indexOf(row.strip().charAt(0)));
            assertThat(outside).as("left of the box in '%s'", row).isBlank();
        });
        assertThat(modalRows).noneMatch(row -> row.contains("alpha") || row.contains("beta") || row.contains("gamma"));
        client.typeKeys("\u001b");
        Eventually.until(() -> !tmux.screen(gammaSidebar).contains("Sidebar width"), "the modal closed",
                () -> tmux.screen(gammaSidebar));

        // Killing the session the sidebar is in works and logs no warning.
        client.typeKeys("x");
        awaitText(tmux, gammaSidebar, "Kill session?", "the kill confirm");
        client.typeKeys("y");
        Eventually.until(() -> !tmux.sessions().contains("gamma"), "gamma killed", () -> String.join(",", tmux.sessions()));
        Path log = setup.runtimeDir().resolve("server.log");
        assertThat(Eventually.holds(() -> !logText(log).contains("could not kill"), Duration.ofSeconds(2)))
                .as(logText(log)).isTrue();
    }

    private void log(String message, String source) throws Exception {
        List<String> arguments = source == null ? List.of("log", "--session", "alpha", message)
                : List.of("log", "--session", "alpha", "--source", source, message);
        TmuxCommand run = setup.run(setup.installation().launcher(), arguments.toArray(String[]::new));
        assertThat(run.exit()).as(run.output()).isZero();
    }

    private static void awaitText(PrivateTmux tmux, String pane, String text, String what) {
        Eventually.until(() -> tmux.screen(pane).contains(text), Duration.ofSeconds(20), what, () -> tmux.screen(pane));
    }

    private static String activePane(PrivateTmux tmux, String session) {
        return tmux.tryRun("display-message", "-p", "-t", "=" + session + ":", "#{pane_id}").strip();
    }

    private static boolean isSidebar(PrivateTmux tmux, String pane) {
        return tmux.sidebars().contains(pane);
    }

    private static String logText(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException missing) {
            return "";
        }
    }
}
