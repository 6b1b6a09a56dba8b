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
                        "8a9961cc5feb07f9f94143350d6d9f9e3f7e1977cad0b7f572b93c69837b146d",
                        "63a15f4e6976ffbf332bc587a8d859720a91049680d48e974c79c284681c9226"),
                Arguments.of("scrolled, a collapsed group, every agent", LongWorld.of()
                                .settings(s -> s.withGroupCollapsed("/home/u/code/s152/.git", true)
                                        .withAgentScope(AgentScope.ALL))
                                .sidebar(100, 26, 40).withScroll(150).withSpinnerFrame(3),
                        "00f3705ff05a4d321e836399aacc2cff34e59ce683cb71979087e6d13b31be1b",
                        "362b2f4f55b17894db73b7320ffec6ae5998cf5bafe911daf44a98be662f0e05"),
                Arguments.of("focus moved down, 40x60", LongWorld.of().sidebar(100, 40, 60)
                                .withFocus(World.name(LongWorld.name(121))).scrolledToFocus(),
                        "17dfaabab856511a0aef3a74bd5ff945d8164593ce345742b7a53bd87d09df84",
                        "5f3f714861646dd138eb973c65b7b3935038edfe70a81c5edb7c8aa22e4df7c8"));
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
