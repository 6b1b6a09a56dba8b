package dev.opensessions.server.acceptance;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four ways a user looks at a finished agent, each typed or clicked on a real attached terminal whose
 * input goes through tmux's key tables (never {@code send-keys}): focusing the agent's pane, switching into a
 * session with one unseen agent, Enter on the agent's row, and a click on it; and new work on the agent,
 * which clears its marker without a look. All but the first use agents with no pane, as agents found only
 * through their files are.
 */
class UnseenMarkersIT extends AcceptanceTest {

    @Test
    void focusingTheAgentsPaneWithThePrefixAndAnArrowClearsItsMarker() throws Exception {
        String left = session("alpha");
        session("beta");
        String right = tmux.splitRight(left);
        TerminalClient client = attach("alpha");
        String sidebar = startFrom(left);
        focus(left);
        assertThat(opensessions.agentEvent("codex", "done", right, "background")).isEqualTo(204);
        awaitScreen(sidebar, s -> s.signal("alpha").equals(Optional.of("●")) && s.unseenCount() == 1,
                "done in the pane beside arrives unseen");

        client.pressAfterPrefix(TerminalClient.RIGHT);

        SidebarScreen seen = awaitScreen(sidebar, s -> s.signal("alpha").equals(Optional.of("✓")),
                "focusing the agent's pane marks it seen");
        assertThat(tmux.format(right, "#{pane_active}")).isEqualTo("1");
        assertThat(seen.unseenCount()).isZero();
    }

    @Test
    void switchingIntoASessionWithOneUnseenAgentClearsIt() throws Exception {
        String alpha = session("alpha");
        session("beta");
        TerminalClient client = attach("alpha");
        String sidebar = startFrom(alpha);
        assertThat(opensessions.agentEventIn("beta", "claude-code", "done", "release")).isEqualTo(204);
        awaitScreen(sidebar, s -> s.signal("beta").equals(Optional.of("●")) && s.unseenCount() == 1,
                "beta's finished agent is unseen");

        client.pressAfterPrefix(")");

        awaitClientOn(client, "beta");
        String betaSidebar = paintedSidebarIn(tmux.windows("beta").getFirst());
        SidebarScreen seen = awaitScreen(betaSidebar, s -> s.signal("beta").equals(Optional.of("✓")),
                "switching into beta marks its one unseen agent seen");
        assertThat(seen.unseenCount()).isZero();
    }

    @Test
    void switchingIntoASessionWithTwoUnseenAgentsLeavesBoth() throws Exception {
        String alpha = session("alpha");
        session("beta");
        TerminalClient client = attach("alpha");
        String sidebar = startFrom(alpha);
        assertThat(opensessions.agentEventIn("beta", "claude-code", "done", "release")).isEqualTo(204);
        assertThat(opensessions.agentEventIn("beta", "codex", "error", "migrate")).isEqualTo(204);
        awaitScreen(sidebar, s -> s.signal("beta").isPresent() && s.unseenCount() == 1, "beta has unseen agents");

        client.pressAfterPrefix(")");

        awaitClientOn(client, "beta");
        String betaSidebar = paintedSidebarIn(tmux.windows("beta").getFirst());
        SidebarScreen still = awaitScreen(betaSidebar, s -> s.text().contains("migrate"), "beta's agents listed");
        assertThat(Eventually.holds(() -> screen(betaSidebar).unseenCount() == 1, java.time.Duration.ofMillis(800)))
                .as(still.text()).isTrue();
    }

    @Test
    void enterOnTheAgentRowInTheSidebarClearsItsMarker() throws Exception {
        String pane = session("alpha");
        session("beta");
        TerminalClient client = attach("alpha");
        String sidebar = startFrom(pane);
        assertThat(opensessions.agentEventIn("alpha", "amp", "interrupted", "deploy")).isEqualTo(204);
        awaitScreen(sidebar, s -> s.unseenCount() == 1 && s.text().contains("deploy"),
                "the interrupted agent without a pane is unseen");
        focus(pane);

        client.pressAfterPrefix(towards(pane, sidebar));
        Eventually.until(() -> tmux.format(sidebar, "#{pane_active}").equals("1"), "the sidebar pane focused",
                () -> tmux.format(sidebar, "#{pane_active}"));
        client.awaitRootTable();
        client.typeKeys(TerminalClient.RIGHT, "\r");

        SidebarScreen seen = awaitScreen(sidebar, s -> s.unseenCount() == 0, "Enter on the row marks the agent seen");
        assertThat(seen.signal("alpha")).as(seen.text()).contains("⚠");
    }

    @Test
    void aClickOnTheAgentRowInTheSidebarClearsItsMarker() throws Exception {
        String pane = session("alpha");
        session("beta");
        TerminalClient client = attach("alpha");
        tmux.run("set-option", "-g", "mouse", "on");
        String sidebar = startFrom(pane);
        assertThat(opensessions.agentEventIn("alpha", "codex", "error", "migrate")).isEqualTo(204);
        SidebarScreen unseen = awaitScreen(sidebar, s -> s.unseenCount() == 1 && s.text().contains("migrate"),
                "the failed agent without a pane is unseen");
        List<String> lines = unseen.lines();
        int row = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().endsWith(" migrate")) {
                row = i;
            }
        }
        assertThat(row).as(unseen.text()).isNotNegative();
        int left = Integer.parseInt(tmux.format(sidebar, "#{pane_left}"));
        int top = Integer.parseInt(tmux.format(sidebar, "#{pane_top}"));

        client.click(left + 3, top + row);

        SidebarScreen seen = awaitScreen(sidebar, s -> s.unseenCount() == 0, "a click on the row marks the agent seen");
        assertThat(seen.signal("alpha")).as(seen.text()).contains("✗");
    }

    @Test
    void newWorkOnAFinishedAgentClearsItsMarker() throws Exception {
        String alpha = session("alpha");
        session("beta");
        attach("alpha");
        String sidebar = startFrom(alpha);
        assertThat(opensessions.agentEventIn("beta", "claude-code", "done", "release")).isEqualTo(204);
        awaitScreen(sidebar, s -> s.signal("beta").equals(Optional.of("●")) && s.unseenCount() == 1,
                "beta's finished agent is unseen");

        assertThat(opensessions.agentEventIn("beta", "claude-code", "running", "release")).isEqualTo(204);

        SidebarScreen working = awaitScreen(sidebar, s -> s.unseenCount() == 0 && s.signal("beta").isPresent()
                && !s.signal("beta").equals(Optional.of("●")), "new work on the agent clears its marker");
        assertThat(working.signal("beta")).as(working.text()).isNotEqualTo(Optional.of("✓"));
    }

    /** The arrow key that moves tmux's focus from {@code from} to the pane {@code to} beside it. */
    private String towards(String from, String to) {
        int fromLeft = Integer.parseInt(tmux.format(from, "#{pane_left}"));
        int toLeft = Integer.parseInt(tmux.format(to, "#{pane_left}"));
        return toLeft < fromLeft ? TerminalClient.LEFT : TerminalClient.RIGHT;
    }

    /** Makes the pane the active one (setting the scene, not a user's key) and waits until the server sees it. */
    private void focus(String pane) {
        tmux.run("select-pane", "-t", pane);
        Eventually.until(() -> opensessions.state().contains("\"activePane\":\"" + pane + "\""),
                "the server sees " + pane + " focused", opensessions::state);
    }
}
