package dev.opensessions.sidebar.update;

import dev.opensessions.sidebar.World;
import dev.opensessions.sidebar.model.Effect;
import dev.opensessions.sidebar.model.Key;
import dev.opensessions.sidebar.model.KeyKind;
import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.Step;
import dev.opensessions.sidebar.model.modal.ProjectPicker;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in project picker (the sessionizer when fzf is not installed), opened by the runtime's folder list. */
class ProjectPickerKeysTest {

    private static final String HOME = "/home/me";

    private static SidebarState listed(List<String> directories) {
        SidebarState state = new World().session("api", "/code/api").sidebar(1, 30, 40);
        return SidebarUpdate.update(state, new Msg.ProjectsListed(directories, HOME)).state();
    }

    private static SidebarState projects() {
        return listed(List.of(HOME + "/code/api", HOME + "/code/Web-App", "/srv/infra"));
    }

    private static Step<SidebarState> press(SidebarState state, Key key) {
        return SidebarUpdate.update(state, new Msg.KeyPressed(key));
    }

    private static SidebarState pressAll(SidebarState state, Key... keys) {
        for (Key key : keys) {
            state = press(state, key).state();
        }
        return state;
    }

    private static ProjectPicker picker(SidebarState state) {
        return (ProjectPicker) state.panel().modal();
    }

    @Test
    void theFolderListOpensThePickerWithHomeShortened() {
        assertThat(picker(projects()).list().items()).containsExactly("~/code/api", "~/code/Web-App", "/srv/infra");
    }

    @Test
    void enterOpensTheFolderUnderTheCursorAndCloses() {
        Step<SidebarState> step = press(pressAll(projects(), Key.character('j')), Key.of(KeyKind.ENTER));

        assertThat(step.effects()).containsExactly(new Effect.OpenProject(HOME + "/code/Web-App"));
        assertThat(step.state().panel().modal()).isNull();
    }

    @Test
    void typingFiltersBySubstringIgnoringCaseAndArrowsMove() {
        SidebarState state = pressAll(projects(), Key.character('w'), Key.character('E'));
        assertThat(picker(state).selected()).contains(HOME + "/code/Web-App");

        SidebarState slash = pressAll(projects(), Key.character('/'), Key.of(KeyKind.DOWN), Key.of(KeyKind.DOWN),
                Key.of(KeyKind.UP));
        assertThat(picker(slash).selected()).contains(HOME + "/code/Web-App");
        assertThat(press(slash, Key.of(KeyKind.ENTER)).effects())
                .containsExactly(new Effect.OpenProject(HOME + "/code/Web-App"));
    }

    @Test
    void escClosesWithoutOpening() {
        Step<SidebarState> step = press(projects(), Key.of(KeyKind.ESCAPE));

        assertThat(step.effects()).isEmpty();
        assertThat(step.state().panel().modal()).isNull();
    }

    @Test
    void anEmptyListOpensNothingOnEnterAndEscCloses() {
        SidebarState empty = listed(List.of());

        assertThat(press(empty, Key.of(KeyKind.ENTER)).effects()).isEmpty();
        assertThat(press(empty, Key.of(KeyKind.ESCAPE)).state().panel().modal()).isNull();
    }

    @Test
    void homeIsShortenedOnlyAtAPathBoundary() {
        ProjectPicker picker = ProjectPicker.open(List.of("/home/ann", "/home/ann/x", "/home/anna/y"), "/home/ann");

        assertThat(picker.list().items()).containsExactly("~", "~/x", "/home/anna/y");
    }
}
