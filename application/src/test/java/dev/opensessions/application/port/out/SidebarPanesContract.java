package dev.opensessions.application.port.out;

import dev.opensessions.application.testkit.Await;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link SidebarPanes} must do; extended by the fake's test and by the real adapter's test. */
public abstract class SidebarPanesContract {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /**
     * Sidebar panes kept hidden ({@code maintain(false, ..)}), over two windows without a sidebar: {@link
     * Stage#shown()}, which a user client shows, and {@link Stage#other()}, in another session nobody shows.
     */
    protected abstract Stage stage();

    /** The sidebar panes under test, and the multiplexer they live in as a user would change it. */
    protected interface Stage extends AutoCloseable {

        SidebarPanes panes();

        String shown();

        String other();

        /** The terminal of the client that shows {@link #shown()}. */
        String client();

        /** Closes a window from outside, as a user would. */
        void closeWindow(String window);

        /** Sets the user's option {@code @opensessions-position}. */
        void setSideOption(String value);

        @Override
        void close();
    }

    @Test
    void windowsListsEachWindowOnceWithTheOriginClientsWindowFirst() {
        try (Stage stage = stage()) {
            List<String> ranked = stage.panes().windows(Optional.of(stage.client()));

            assertThat(ranked).containsOnlyOnce(stage.shown(), stage.other()).doesNotHaveDuplicates();
            assertThat(ranked.getFirst()).isEqualTo(stage.shown());
            assertThat(stage.panes().windows(Optional.empty())).contains(stage.shown(), stage.other());
        }
    }

    @Test
    void windowOfIsTheWindowAnAttachedClientShows() {
        try (Stage stage = stage()) {
            assertThat(stage.panes().windowOf(stage.client())).contains(stage.shown());
            assertThat(stage.panes().windowOf("/dev/pts/99999")).isEmpty();
        }
    }

    @Test
    void openPutsOneSidebarInAWindowAndASecondOpenNone() {
        try (Stage stage = stage()) {
            assertThat(stage.panes().lacksSidebar(stage.other())).isTrue();

            assertThat(stage.panes().open(stage.other())).isPresent();

            assertThat(stage.panes().lacksSidebar(stage.other())).isFalse();
            assertThat(stage.panes().open(stage.other())).isEmpty();
        }
    }

    @Test
    void aGoneWindowGetsNoSidebarAndLacksNone() {
        try (Stage stage = stage()) {
            stage.closeWindow(stage.other());

            assertThat(stage.panes().open(stage.other())).isEmpty();
            // A real multiplexer may hear of the closed window a moment later; then it no longer lacks one.
            Await.until(() -> !stage.panes().lacksSidebar(stage.other()), WAIT, "gone window lacks no sidebar");
        }
    }

    @Test
    void closeAllTakesEverySidebarAway() {
        try (Stage stage = stage()) {
            stage.panes().open(stage.other());

            stage.panes().closeAll();

            // At once: a show right after a hide asks which windows lack a sidebar.
            assertThat(stage.panes().lacksSidebar(stage.other())).isTrue();
        }
    }

    @Test
    void theSideOptionReadsAsTheUserWroteIt() {
        try (Stage stage = stage()) {
            assertThat(stage.panes().sideOption()).isEmpty();

            stage.setSideOption("right");

            assertThat(stage.panes().sideOption()).contains("right");
        }
    }
}
