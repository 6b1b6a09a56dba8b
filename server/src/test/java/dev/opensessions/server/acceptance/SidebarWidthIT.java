package dev.opensessions.server.acceptance;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/reference/sidebar.md#one-fixed-width: one fixed sidebar width, changed by the slider only. */
class SidebarWidthIT extends AcceptanceTest {

    private static final int FIXED = Opensessions.WIDTH;

    @Test
    void widthIsFixedAndRejectsManualSidebarResize() throws Exception {
        String pane = session("alpha");
        attach("alpha");
        String sidebar = startFrom(pane);
        awaitWidth(sidebar, FIXED);

        tmux.run("resize-pane", "-t", sidebar, "-x", "50");

        awaitWidth(sidebar, FIXED);
        assertThat(widthStays(sidebar, FIXED)).as("the repair holds").isTrue();
        assertPersistedWidth(FIXED);
    }

    @Test
    void widthSliderIsTheOnlyWidthAuthorAndSurvivesARestart() throws Exception {
        String pane = session("alpha");
        String other = tmux.newWindow("alpha", folder("alpha"));
        attach("alpha");
        String sidebar = startFrom(pane);

        tmux.keys(sidebar, "w");
        awaitScreen(sidebar, s -> s.text().contains("Sidebar width") && s.text().contains(FIXED + " columns"),
                "the width slider");
        tmux.keys(sidebar, "l", "l", "L");
        awaitScreen(sidebar, s -> s.text().contains((FIXED + 7) + " columns"), "the slider at " + (FIXED + 7));
        tmux.keys(sidebar, "Enter");

        awaitWidth(sidebar, FIXED + 7);
        awaitScreen(sidebar, s -> !s.text().contains("Sidebar width"), "Enter closes the slider");
        Eventually.until(() -> persistedWidth() == FIXED + 7, "config.json holds the new width", this::configText);
        assertThat(tmux.run("show-options", "-gv", "@opensessions_width").strip()).isEqualTo(Integer.toString(FIXED + 7));
        tmux.run("select-window", "-t", tmux.windowOf(other));
        awaitWidth(paintedSidebarIn(tmux.windowOf(other)), FIXED + 7);

        opensessions.launcher("stop", pane);
        Eventually.until(() -> tmux.sidebars().isEmpty(), "the sidebars close with the server",
                () -> String.join("\n", tmux.panes()));
        tmux.run("select-window", "-t", tmux.windowOf(pane));
        String restarted = startFrom(pane);
        awaitWidth(restarted, FIXED + 7);
    }

    @Test
    void paneExitDoesNotStealSidebarWidth() throws Exception {
        String first = session("alpha");
        String second = tmux.splitRight(first);
        attach("alpha");
        String sidebar = startFrom(first);
        awaitWidth(sidebar, FIXED);

        tmux.keys(first, "exit", "Enter");
        Eventually.until(() -> tmux.width(first) < 0, "the shell next to the sidebar exited",
                () -> String.join("\n", tmux.panes()));

        awaitWidth(sidebar, FIXED);
        assertThat(widthStays(sidebar, FIXED)).isTrue();
        assertThat(tmux.width(second)).as("the other pane takes the space").isEqualTo(PrivateTmux.COLUMNS - FIXED - 1);
        assertPersistedWidth(FIXED);
    }

    @Test
    void widthSurvivesFlatThreePaneLayoutChurn() throws Exception {
        String first = session("alpha");
        String second = tmux.splitRight(first);
        attach("alpha");
        String sidebar = startFrom(first);
        awaitWidth(sidebar, FIXED);
        assertThat(tmux.run("list-panes", "-t", tmux.windowOf(first), "-F", "#{pane_left}").lines().count())
                .as("sidebar | pane1 | pane2").isEqualTo(3);

        tmux.run("kill-pane", "-t", first);

        awaitWidth(sidebar, FIXED);
        assertThat(widthStays(sidebar, FIXED)).isTrue();
        assertThat(tmux.width(second)).isEqualTo(PrivateTmux.COLUMNS - FIXED - 1);
        assertPersistedWidth(FIXED);
    }

    @Test
    void clientResizeNeverPersistsASmallerSidebarWidth() throws Exception {
        String pane = session("alpha");
        String later = tmux.newWindow("alpha", folder("alpha"));
        TerminalClient client = attach("alpha");
        String sidebar = startFrom(pane);
        awaitWidth(sidebar, FIXED);

        client.resize(44, 20);
        Eventually.until(() -> tmux.format(pane, "#{window_width}").equals("44"), "the window follows the terminal",
                () -> tmux.format(pane, "#{window_width}"));
        client.resize(PrivateTmux.COLUMNS, PrivateTmux.ROWS);
        Eventually.until(() -> tmux.format(pane, "#{window_width}").equals(Integer.toString(PrivateTmux.COLUMNS)),
                "the window grows back", () -> tmux.format(pane, "#{window_width}"));

        awaitWidth(sidebar, FIXED);
        assertThat(widthStays(sidebar, FIXED)).isTrue();
        assertPersistedWidth(FIXED);
        tmux.run("select-window", "-t", tmux.windowOf(later));
        awaitWidth(paintedSidebarIn(tmux.windowOf(later)), FIXED);
    }

    private void assertPersistedWidth(int width) throws IOException {
        assertThat(persistedWidth()).as(configText()).isEqualTo(width);
        assertThat(tmux.run("show-options", "-gv", "@opensessions_width").strip()).isEqualTo(Integer.toString(width));
    }

    private int persistedWidth() {
        var value = Pattern.compile("\"sidebarWidth\"\\s*:\\s*(\\d+)").matcher(configText());
        return value.find() ? Integer.parseInt(value.group(1)) : -1;
    }

    private String configText() {
        try {
            return opensessions.config();
        } catch (IOException unreadable) {
            return "";
        }
    }
}
