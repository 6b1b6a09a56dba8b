package dev.opensessions.server.acceptance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code set -g @opensessions-position right}: sidebars dock at the right, and move on the next show. */
class SidebarPositionIT extends AcceptanceTest {

    @Test
    void theTmuxOptionDocksSidebarsAtTheRightAndAShowAfterAChangeMovesThem() throws Exception {
        String pane = session("alpha");
        attach("alpha");
        tmux.run("set-option", "-g", "@opensessions-position", "right");

        String right = startFrom(pane);

        assertThat(tmux.format(right, "#{e|+:#{pane_left},#{pane_width}} #{pane_top} #{pane_height}"))
                .as("at the right edge, full height")
                .isEqualTo(tmux.format(right, "#{window_width} 0 #{window_height}"));
        assertThat(Integer.parseInt(tmux.format(pane, "#{pane_left}"))).as("the content moved left").isZero();
        awaitWidth(right, Opensessions.WIDTH);

        tmux.run("set-option", "-g", "@opensessions-position", "left");
        assertThat(tmux.sidebarsIn(tmux.windowOf(pane))).as("a shown sidebar stays until re-shown")
                .containsExactly(right);
        assertThat(opensessions.control("/toggle", pane)).isEqualTo(200);
        Eventually.until(() -> tmux.sidebars().isEmpty(), "hidden", () -> String.join("\n", tmux.panes()));
        assertThat(opensessions.control("/toggle", pane)).isEqualTo(200);

        String left = paintedSidebarIn(tmux.windowOf(pane));
        assertThat(tmux.format(left, "#{pane_left} #{pane_top} #{pane_height}"))
                .isEqualTo(tmux.format(left, "0 0 #{window_height}"));
        awaitWidth(left, Opensessions.WIDTH);
    }
}
