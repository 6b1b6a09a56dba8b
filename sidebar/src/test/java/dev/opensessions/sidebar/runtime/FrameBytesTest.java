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
                        "4f0aab99755fd2dc909168accd2f198598d094d6a835835d62feea4651fd614b",
                        "6bfe2625c63bc64435c3c687a009e1ceebf854aba3a377bab888f6eac0cc1c06"),
                Arguments.of("scrolled, a collapsed group, every agent", LongWorld.of()
                                .settings(s -> s.withGroupCollapsed("/home/u/code/s152/.git", true)
                                        .withAgentScope(AgentScope.ALL))
                                .sidebar(100, 26, 40).withScroll(150).withSpinnerFrame(3),
                        "f7a58f864ad55f1c26779daaab35580e39d167171dd6412361f4eb4b5e011658",
                        "11bb605f73fcf8472b498ccd3acd871cad0bcb8ee238a9f278d7c4ff4d73b26d"),
                Arguments.of("focus moved down, 40x60", LongWorld.of().sidebar(100, 40, 60)
                                .withFocus(World.name(LongWorld.name(121))).scrolledToFocus(),
                        "29a41a84f0e09e22225dfb7e5db07ab843dedc11a1c4b0d22fcfaaa61528d75f",
                        "2cf67cd13e105df240555e7737530e037ba21e227bf487b81dabb2ade8f47ecd"));
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
