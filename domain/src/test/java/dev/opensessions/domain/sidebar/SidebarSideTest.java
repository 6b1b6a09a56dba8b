package dev.opensessions.domain.sidebar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SidebarSideTest {

    @ParameterizedTest(name = "option {0}, config {1} -> {2}")
    @CsvSource(nullValues = "unset", value = {
            "unset,  LEFT,  LEFT",
            "unset,  RIGHT, RIGHT",
            "right,  LEFT,  RIGHT",
            "left,   RIGHT, LEFT",
            "right,  RIGHT, RIGHT",
            "'',     RIGHT, RIGHT",
            "'  ',   RIGHT, RIGHT",
            "middle, RIGHT, LEFT",
            "Right,  RIGHT, LEFT",
    })
    void theTmuxOptionWinsOverTheConfigAndABadOptionMeansLeft(String option, SidebarSide configured,
                                                              SidebarSide docked) {
        assertThat(SidebarSide.chosen(Optional.ofNullable(option), configured)).isEqualTo(docked);
    }

    @Test
    void onlyASetOptionNamingNoSideIsInvalid() {
        assertThat(SidebarSide.invalidOption(Optional.of("middle"))).isTrue();
        assertThat(SidebarSide.invalidOption(Optional.of("RIGHT"))).isTrue();
        assertThat(SidebarSide.invalidOption(Optional.of("right"))).isFalse();
        assertThat(SidebarSide.invalidOption(Optional.of(" "))).isFalse();
        assertThat(SidebarSide.invalidOption(Optional.empty())).isFalse();
    }

    @Test
    void sidesParseFromTheirExactLabels() {
        assertThat(SidebarSide.parse("left")).contains(SidebarSide.LEFT);
        assertThat(SidebarSide.parse("right")).contains(SidebarSide.RIGHT);
        assertThat(SidebarSide.parse(" right")).isEmpty();
        assertThat(SidebarSide.parse(null)).isEmpty();
    }

    @Test
    void aPresenceKeepsItsSideAcrossPhasesUntilDockedElsewhere() {
        SidebarPresence right = SidebarPresence.initial().docked(SidebarSide.RIGHT);

        assertThat(right.then(false, SidebarPhase.READY).side()).isEqualTo(SidebarSide.RIGHT);
        assertThat(right.then(true, SidebarPhase.WARMING).docked(SidebarSide.LEFT).side()).isEqualTo(SidebarSide.LEFT);
        SidebarPresence closing = right.then(true, SidebarPhase.CLOSING);
        assertThat(closing.docked(SidebarSide.LEFT)).isEqualTo(closing);
    }

    @Test
    void theConfiguredPositionDefaultsToLeftAndChangesLikeTheOtherSettings() {
        SidebarSettings defaults = SidebarSettings.defaults();

        assertThat(defaults.position()).isEqualTo(SidebarSide.LEFT);
        assertThat(defaults.withPosition(SidebarSide.RIGHT).position()).isEqualTo(SidebarSide.RIGHT);
        assertThat(defaults.withWidth(30).withPosition(SidebarSide.RIGHT).withTheme(ThemeChoice.named("nord")))
                .extracting(SidebarSettings::width, SidebarSettings::position)
                .containsExactly(30, SidebarSide.RIGHT);
    }
}
