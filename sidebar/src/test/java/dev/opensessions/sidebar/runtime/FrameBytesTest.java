package dev.opensessions.sidebar.runtime;

import dev.opensessions.domain.sidebar.AgentScope;
import dev.opensessions.sidebar.LongWorld;
import dev.opensessions.sidebar.World;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.view.SidebarView;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bytes a pane receives for a long list stay exactly those the sidebar sent before its render path was
 * made cheap: the first frame (every cell, colours included) and the spinner tick after it, as SHA-256.
 * A deliberate change of the look changes these digests along with the view's text snapshots.
 */
class FrameBytesTest {

    static Stream<Arguments> frames() {
        return Stream.of(
                Arguments.of("current session of 200, 26x40", LongWorld.of().sidebar(100, 26, 40).scrolledToFocus(),
                        "6f42a0bcd485a19adb3502566d6fedc1a089ab57a58377dfdeaa1cd73acda54a",
                        "2effb6f93151a26d86832dcbe72da313aaccd7332728ed0da6cab5bcc115f361"),
                Arguments.of("scrolled, a collapsed group, every agent", LongWorld.of()
                                .settings(s -> s.withGroupCollapsed("/home/u/code/s152/.git", true)
                                        .withAgentScope(AgentScope.ALL))
                                .sidebar(100, 26, 40).withScroll(150).withSpinnerFrame(3),
                        "49accc0f29b7c1117858d32f57c32220df65cde71a17fc754bedeecc220dfaeb",
                        "96fb41b7b2a1d839a0e7f87ba1edbc35679186f2267c74a08386f16791cb0879"),
                Arguments.of("focus moved down, 40x60", LongWorld.of().sidebar(100, 40, 60)
                                .withFocus(World.name(LongWorld.name(121))).scrolledToFocus(),
                        "e3ebee5b2b23b786fc6fb45ce6e78958eb8b90859ac94b42fc71bd5ca7080774",
                        "77a703f4292096b024f9abe2ee7ca40668bc97870943f77304cb57c951253fb7"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void frameBytesAreUnchanged(String what, SidebarState state, String first, String tick) {
        FrameRenderer renderer = new FrameRenderer();

        assertThat(sha256(renderer.render(SidebarView.render(state)))).isEqualTo(first);
        SidebarState ticked = state.withSpinnerFrame((state.spinnerFrame() + 1) % SidebarState.SPINNER_FRAMES);
        assertThat(sha256(renderer.render(SidebarView.render(ticked)))).isEqualTo(tick);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
