package dev.opensessions.sidebar.update;

import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.ThreadKey;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.sidebar.AgentScope;
import dev.opensessions.sidebar.World;
import dev.opensessions.sidebar.model.Effect;
import dev.opensessions.sidebar.model.MouseKind;
import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.Panel;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.Step;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clicks and the wheel in the agents panel, through the sidebar's update. With ports, the panel
 * of a 30x40 pane reads: title, directory, links, then the review entry (two lines and a spacer) and the
 * build entry.
 */
class PanelMouseTest {

    private static SidebarState sidebar() {
        return new World()
                .session("api", "/code/api").ports("api", 5173, 8080)
                .session("web", "/code/web")
                .agentInPane("api", "claude-code", AgentStatus.RUNNING, "build", "%1")
                .agentInPane("api", "codex", AgentStatus.WAITING, "review", "%7")
                .client("/dev/pts/1", "api")
                .sidebar(1, 30, 40);
    }

    private static int top(SidebarState state) {
        return state.layout().detailTop();
    }

    private static Step<SidebarState> click(SidebarState state, int x, int y) {
        return SidebarUpdate.update(state, new Msg.Mouse(MouseKind.PRESS, 0, x, y));
    }

    @Test
    void clickingTheScopeLabelTogglesTheScope() {
        SidebarState state = sidebar();

        SidebarState all = click(state, 25, top(state)).state();
        assertThat(all.panel().scope()).isEqualTo(AgentScope.ALL);
        assertThat(click(all, 27, top(state)).state().panel().scope()).isEqualTo(AgentScope.CURRENT);
        assertThat(click(state, 5, top(state)).state().panel().scope()).isEqualTo(AgentScope.CURRENT);
    }

    @Test
    void clickingAnAgentRowSelectsItMarksItSeenAndFocusesItsPane() {
        SidebarState state = sidebar();

        Step<SidebarState> second = click(state, 4, top(state) + 7);
        assertThat(second.effects()).containsExactly(
                new Effect.MarkAgentSeen(SessionName.of("api"), ThreadKey.of("claude-code", "t-build")),
                new Effect.FocusAgent(PaneId.of("%1")));
        assertThat(second.state().panel().agentIndex()).isEqualTo(1);
        assertThat(second.state().panel().focus()).isEqualTo(Panel.AGENTS);
        assertThat(click(state, 4, top(state) + 3).effects()).containsExactly(
                new Effect.MarkAgentSeen(SessionName.of("api"), ThreadKey.of("codex", "t-review")),
                new Effect.FocusAgent(PaneId.of("%7")));
        assertThat(click(state, 4, top(state) + 4).effects()).containsExactly(
                new Effect.MarkAgentSeen(SessionName.of("api"), ThreadKey.of("codex", "t-review")),
                new Effect.FocusAgent(PaneId.of("%7")));
    }

    @Test
    void theSpacerBetweenAgentsAndTheDirectoryOnlyFocusThePanel() {
        SidebarState state = sidebar();

        for (int line : new int[]{1, 5}) {
            Step<SidebarState> step = click(state, 4, top(state) + line);
            assertThat(step.effects()).as("line %d", line).isEmpty();
            assertThat(step.state().panel().focus()).as("line %d", line).isEqualTo(Panel.AGENTS);
        }
    }

    @Test
    void clickingAPortOnTheLinksLineOpensIt() {
        SidebarState state = sidebar();
        int links = top(state) + 2;

        assertThat(click(state, 1, links).effects()).containsExactly(new Effect.OpenPort(5173));
        assertThat(click(state, 11, links).effects()).containsExactly(new Effect.OpenPort(8080));
        assertThat(click(state, 6, links).effects()).isEmpty();
    }

    @Test
    void inTheAllScopeEachRowIsOneAgent() {
        SidebarState all = click(sidebar(), 25, top(sidebar())).state();

        assertThat(click(all, 3, top(all) + 1).effects()).containsExactly(
                new Effect.MarkAgentSeen(SessionName.of("api"), ThreadKey.of("codex", "t-review")),
                new Effect.FocusAgent(PaneId.of("%7")));
        assertThat(click(all, 3, top(all) + 2).effects()).containsExactly(
                new Effect.MarkAgentSeen(SessionName.of("api"), ThreadKey.of("claude-code", "t-build")),
                new Effect.FocusAgent(PaneId.of("%1")));
        assertThat(click(all, 3, top(all) + 3).effects()).isEmpty();
    }

    @Test
    void theWheelInThePanelMovesTheAgentSelection() {
        SidebarState state = sidebar();
        Msg.Mouse down = new Msg.Mouse(MouseKind.SCROLL_DOWN, 0, 3, top(state) + 3);

        SidebarState moved = SidebarUpdate.update(state, down).state();
        assertThat(moved.panel().agentIndex()).isEqualTo(1);
        assertThat(SidebarUpdate.update(moved, down).state().panel().agentIndex()).isEqualTo(1);
        assertThat(SidebarUpdate.update(moved, new Msg.Mouse(MouseKind.SCROLL_UP, 0, 3, top(state) + 3))
                .state().panel().agentIndex()).isZero();
    }
}
