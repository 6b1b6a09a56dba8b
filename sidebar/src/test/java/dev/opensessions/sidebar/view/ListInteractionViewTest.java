package dev.opensessions.sidebar.view;

import dev.opensessions.domain.sidebar.SidebarPhase;
import dev.opensessions.domain.sidebar.SidebarPresence;
import dev.opensessions.sidebar.World;
import dev.opensessions.sidebar.model.Effect;
import dev.opensessions.sidebar.model.Key;
import dev.opensessions.sidebar.model.KeyKind;
import dev.opensessions.sidebar.model.MouseKind;
import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.Step;
import dev.opensessions.sidebar.update.SidebarUpdate;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.opensessions.sidebar.view.WorktreeGroupViewTest.groups;
import static org.assertj.core.api.Assertions.assertThat;

/** What the pointer, the kill confirm and the lifecycle labels look like on screen. */
class ListInteractionViewTest {

    private static final Theme MOCHA = Theme.catppuccinMocha();

    private static SidebarState send(SidebarState state, Msg... msgs) {
        for (Msg msg : msgs) {
            state = SidebarUpdate.update(state, msg).state();
        }
        return state;
    }

    private static Msg mouse(MouseKind kind, int y) {
        return new Msg.Mouse(kind, 0, 12, y);
    }

    @Test
    void hoverHighlightsTheRowUnderThePointerAndLeavingEndsIt() {
        SidebarState state = groups().sidebar(1, 40, 30);

        SidebarState hovering = send(state, mouse(MouseKind.MOVE, 8));
        SidebarState left = send(hovering, mouse(MouseKind.MOVE, 0));

        Grid grid = SidebarView.render(hovering);
        assertThat(grid.cell(30, 7).style().background()).isEqualTo(MOCHA.surface0());
        assertThat(grid.cell(30, 13).style().background()).isEqualTo(Theme.catppuccinMocha().base());
        assertThat(grid.row(7)).startsWith("  │ 02 ◉ api-login");
        assertThat(SidebarView.render(left).cell(30, 7).style().background()).isEqualTo(Theme.catppuccinMocha().base());
    }

    @Test
    void aClickFlashesTheRowUntilItsTimerEnds() {
        SidebarState state = groups().sidebar(1, 40, 30);

        Step<SidebarState> clicked = SidebarUpdate.update(send(state, mouse(MouseKind.PRESS, 13)),
                mouse(MouseKind.RELEASE, 13));
        Effect.Later later = clicked.effects().stream().filter(Effect.Later.class::isInstance)
                .map(Effect.Later.class::cast).findFirst().orElseThrow();
        SidebarState ended = send(clicked.state(), later.msg());

        assertThat(later.delay().toMillis()).isEqualTo(150);
        assertThat(SidebarView.render(clicked.state()).cell(30, 13).style().background()).isEqualTo(MOCHA.surface1());
        assertThat(SidebarView.render(ended).cell(30, 13).style().background()).isEqualTo(MOCHA.surface0());
    }

    @Test
    void aNewerFlashOutlivesTheOlderTimer() {
        SidebarState state = groups().sidebar(1, 40, 30);
        Step<SidebarState> first = SidebarUpdate.update(send(state, mouse(MouseKind.PRESS, 13)), mouse(MouseKind.RELEASE, 13));
        SidebarState second = send(first.state(), mouse(MouseKind.PRESS, 7), mouse(MouseKind.RELEASE, 7));

        SidebarState afterOld = send(second, new Msg.Timer("flash", first.state().list().generation()));

        assertThat(SidebarView.render(afterOld).cell(30, 7).style().background()).isEqualTo(MOCHA.surface1());
    }

    @Test
    void draggingARowDrawsTheDragMarkerOnTheDropRow() {
        SidebarState dragging = send(groups().sidebar(1, 40, 30), mouse(MouseKind.PRESS, 13), mouse(MouseKind.DRAG, 7));

        Grid grid = SidebarView.render(dragging);

        assertThat(grid.row(7)).startsWith("↕ │ 02 ◉ api-login");
        assertThat(grid.cell(0, 7).style().foreground()).isEqualTo(MOCHA.peach());
        assertThat(grid.row(13)).startsWith("    04 ○ notes");
    }

    @Test
    void killConfirmForALoneSession() {
        World world = new World().session("api", "/code/api").session("web", "/code/web").client("/dev/pts/1", "api");
        SidebarState state = send(world.sidebar(1, 40, 30), new Msg.KeyPressed(Key.character('j')),
                new Msg.KeyPressed(Key.character('x')));

        assertThat(box(SidebarView.render(state))).containsExactly(
                "╭─ Kill session? ──────────╮",
                "│ web                      │",
                "│                          │",
                "│ y / n                    │",
                "╰──────────────────────────╯");
    }

    @Test
    void killConfirmForAWorktreeChildNamesTheChild() {
        SidebarState state = send(groups().sidebar(1, 40, 30), new Msg.KeyPressed(Key.character('j')),
                new Msg.KeyPressed(Key.character('x')));

        assertThat(box(SidebarView.render(state))).containsExactly(
                "╭─ Kill worktree? ─────────╮",
                "│ api-login                │",
                "│                          │",
                "│ y / n                    │",
                "╰──────────────────────────╯");
    }

    @Test
    void killConfirmForAGroupHeaderCountsItsSessions() {
        SidebarState state = send(groups().sidebar(1, 40, 30), new Msg.KeyPressed(Key.character('k')),
                new Msg.KeyPressed(Key.character('x')));

        Grid grid = SidebarView.render(state);

        assertThat(box(grid)).containsExactly(
                "╭─ Kill worktree group? ───╮",
                "│ 3 sessions in api        │",
                "│                          │",
                "│ y / n                    │",
                "╰──────────────────────────╯");
        assertThat(grid.cell(8, 3).style().background()).isEqualTo(MOCHA.base());
        assertThat(SidebarView.render(send(state, new Msg.KeyPressed(Key.of(KeyKind.ESCAPE)))).row(2))
                .startsWith("› ▾    ◉ api");
    }

    /** The five rows of a modal box placed below the header (columns 6 to 33 of a 40-column pane). */
    private static List<String> box(Grid grid) {
        return List.of(2, 3, 4, 5, 6).stream().map(y -> grid.row(y).substring(6, 34)).toList();
    }

    @Test
    void warmingUpReplacesTheCountersWithASpinnerThatAnimates() {
        World world = groups().presence(new SidebarPresence(true, SidebarPhase.WARMING));
        SidebarState state = world.sidebar(1, 40, 30);

        Grid grid = SidebarView.render(state);
        Grid next = SidebarView.render(send(state, new Msg.Tick(World.T0.plusMillis(120))));

        assertThat(grid.row(0).stripTrailing()).isEqualTo(" sessions                 ⠋ warming up…");
        assertThat(next.row(0)).isNotEqualTo(grid.row(0));
        assertThat(grid.cell(26, 0).style().foreground()).isEqualTo(MOCHA.yellow());
        assertThat(SidebarView.spinnerVisible(state)).isTrue();
        assertThat(SidebarView.render(world.sidebar(1, 20, 30)).row(0).stripTrailing()).isEqualTo(" ses… ⠋ warming up…");
    }

    @Test
    void closingShowsOnlyItsLabelAndNeedsNoSpinner() {
        World world = new World().session("api", "/code/api").client("/dev/pts/1", "api")
                .presence(new SidebarPresence(true, SidebarPhase.CLOSING));
        SidebarState state = world.sidebar(1, 40, 30);

        assertThat(SidebarView.render(state).row(0).stripTrailing()).isEqualTo(" sessions                      closing…");
        assertThat(SidebarView.render(world.sidebar(1, 20, 30)).row(0).stripTrailing()).isEqualTo(" sessions  closing…");
        assertThat(SidebarView.spinnerVisible(state)).isFalse();
    }
}
