package dev.opensessions.adapters.tmux;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SidebarWidthTest {

    private final SidebarWidth width = new SidebarWidth();

    @Test
    void driftedSidebarsAreRepairedOncePerObservationAndContentPanesNever() {
        assertThat(width.repairs(snapshot(50, 160), 30)).containsExactly("%1");
        assertThat(width.repairs(snapshot(50, 160), 30)).as("same observation, already repaired").isEmpty();
        assertThat(width.repairs(snapshot(44, 160), 30)).as("a new drift").containsExactly("%1");
        assertThat(width.repairs(snapshot(44, 100), 30)).as("the window changed: worth a new attempt")
                .containsExactly("%1");
        assertThat(width.repairs(snapshot(30, 100), 30)).isEmpty();
        assertThat(width.repairs(snapshot(44, 100), 30)).as("back at the width, then drifted again")
                .containsExactly("%1");
    }

    @Test
    void aNewWidthRepairsEvenAnObservationAlreadyRepaired() {
        assertThat(width.repairs(snapshot(20, 40), 30)).containsExactly("%1");
        assertThat(width.repairs(snapshot(20, 40), 30)).isEmpty();
        width.forget();
        assertThat(width.repairs(snapshot(20, 40), 25)).containsExactly("%1");
    }

    private static TmuxSnapshot snapshot(int sidebarWidth, int windowWidth) {
        return new TmuxSnapshot(List.of(), List.of(new TmuxWindow("@1", "$1", 0, "w", true, windowWidth)),
                List.of(new TmuxPane("%1", "@1", false, TmuxPane.SIDEBAR_TITLE, "sleep", "/", 1, sidebarWidth, 40, 0),
                        new TmuxPane("%2", "@1", true, "host", "bash", "/", 2, 77, 40, sidebarWidth + 1)),
                List.of());
    }
}
