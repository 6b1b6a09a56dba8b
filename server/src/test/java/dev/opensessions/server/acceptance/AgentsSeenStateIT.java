package dev.opensessions.server.acceptance;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/reference/sidebar.md#agents-and-seen-state: agent signals per pane and the seen state of the focused pane. */
class AgentsSeenStateIT extends AcceptanceTest {

    @Test
    void agentStateIsShownPerFocusedPane() throws Exception {
        String first = session("alpha");
        session("beta");
        String second = tmux.splitRight(first);
        String third = tmux.splitRight(second);
        attach("alpha");
        String sidebar = startFrom(first);
        focus(third);

        assertThat(opensessions.agentEvent("claude-code", "waiting", first, "first")).isEqualTo(204);
        assertThat(opensessions.agentEvent("codex", "done", second, "second")).isEqualTo(204);
        assertThat(opensessions.agentEvent("amp", "done", third, "third")).isEqualTo(204);

        SidebarScreen shown = awaitScreen(sidebar, s -> s.text().contains("third"), "three agents listed");
        assertThat(agentLine(shown, "first")).as(shown.text()).startsWith("◉");
        assertThat(agentLine(shown, "second")).as(shown.text()).startsWith("●");
        assertThat(agentLine(shown, "third")).as(shown.text()).startsWith("✓");
        assertThat(shown.signal("alpha")).as("the most urgent signal leads the row").contains("◉");
        assertThat(shown.unseenCount()).isEqualTo(1);
    }

    @Test
    void doneEventForTheFocusedPaneArrivesSeen() throws Exception {
        String pane = session("alpha");
        String other = session("beta");
        attach("alpha");
        String sidebar = startFrom(pane);
        focus(pane);

        assertThat(opensessions.agentEvent("claude-code", "done", pane, "focused")).isEqualTo(204);
        assertThat(opensessions.agentEvent("codex", "done", other, "elsewhere")).isEqualTo(204);

        SidebarScreen shown = awaitScreen(sidebar, s -> s.signal("beta").equals(Optional.of("●")),
                "beta's done arrives unseen");
        assertThat(shown.signal("alpha")).as(shown.text()).contains("✓");
        assertThat(agentLine(shown, "focused")).as(shown.text()).startsWith("✓");
        assertThat(shown.unseenCount()).isEqualTo(1);
    }

    @Test
    void sessionAndAgentSeenStateFollowTheFocusedPane() throws Exception {
        String left = session("alpha");
        session("beta");
        String right = tmux.splitRight(left);
        attach("alpha");
        String sidebar = startFrom(left);
        focus(left);
        assertThat(opensessions.agentEvent("codex", "done", right, "background")).isEqualTo(204);
        SidebarScreen unseen = awaitScreen(sidebar, s -> s.signal("alpha").equals(Optional.of("●")),
                "done in an unfocused pane is unseen");
        assertThat(agentLine(unseen, "background")).startsWith("●");
        assertThat(unseen.unseenCount()).isEqualTo(1);

        tmux.run("select-pane", "-t", right);

        SidebarScreen seen = awaitScreen(sidebar, s -> s.signal("alpha").equals(Optional.of("✓")),
                "focusing the pane marks the session seen");
        assertThat(agentLine(seen, "background")).as("the agent row agrees").startsWith("✓");
        assertThat(seen.unseenCount()).isEqualTo(0);
        assertThat(seen.text()).doesNotContain("●1");
    }

    /** Makes the pane the active one and waits until the server's state says so. */
    private void focus(String pane) {
        tmux.run("select-pane", "-t", pane);
        Eventually.until(() -> opensessions.state().contains("\"activePane\":\"" + pane + "\""),
                "the server sees " + pane + " focused", opensessions::state);
    }

    /** The agents panel's first line for a thread: glyph and name. */
    private static String agentLine(SidebarScreen screen, String thread) {
        return screen.lines().stream().map(String::strip).filter(line -> line.endsWith(" " + thread))
                .reduce((a, b) -> b).orElse("no agent line for " + thread);
    }
}
