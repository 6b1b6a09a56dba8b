package dev.opensessions.domain.sidebar;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SidebarSettingsTest {

    @Test
    void defaultsAreTheReferenceOnes() {
        SidebarSettings defaults = SidebarSettings.defaults();

        assertThat(defaults.theme()).isEqualTo(ThemeChoice.named("catppuccin-mocha"));
        assertThat(defaults.width()).isEqualTo(26);
        assertThat(defaults.filter()).isEqualTo(SessionFilter.ALL);
        assertThat(defaults.collapsedGroups()).isEmpty();
        assertThat(defaults.detailHeight()).isEqualTo(10);
        assertThat(defaults.agentScope()).isEqualTo(AgentScope.CURRENT);
    }

    @Test
    void widthAndDetailHeightAreClampedToTheirRanges() {
        SidebarSettings settings = SidebarSettings.defaults();

        assertThat(settings.withWidth(5).width()).isEqualTo(SidebarSettings.MIN_WIDTH);
        assertThat(settings.withWidth(500).width()).isEqualTo(SidebarSettings.MAX_WIDTH);
        assertThat(settings.withWidth(36).width()).isEqualTo(36);
        assertThat(settings.withDetailHeight(1).detailHeight()).isEqualTo(4);
        assertThat(settings.withDetailHeight(99).detailHeight()).isEqualTo(60);
    }

    @Test
    void groupsCollapseAndExpandWithoutTouchingTheOthers() {
        SidebarSettings settings = SidebarSettings.defaults().withGroupCollapsed("/a/.git", true)
                .withGroupCollapsed("/b/.git", true);

        assertThat(settings.collapsedGroups()).containsExactlyInAnyOrder("/a/.git", "/b/.git");
        assertThat(settings.withGroupCollapsed("/a/.git", false).collapsedGroups()).containsExactly("/b/.git");
        assertThat(settings.withGroupCollapsed("/c/.git", false).collapsedGroups()).isEqualTo(Set.of("/a/.git", "/b/.git"));
    }

    @Test
    void aThemeIsABuiltInNameWithOptionalPaletteOverrides() {
        ThemeChoice custom = new ThemeChoice("nord", Map.of("blue", "#112233", "base", "default"));

        assertThat(custom.palette()).containsEntry("blue", "#112233").containsEntry("base", "default");
        assertThatThrownBy(() -> ThemeChoice.named("../../etc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThemeChoice("nord", Map.of("blue", "red")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClosingPresenceNeverChangesAgain() {
        SidebarPresence closing = SidebarPresence.initial().then(true, SidebarPhase.CLOSING);

        assertThat(closing.then(true, SidebarPhase.READY)).isEqualTo(closing);
        assertThat(closing.then(false, SidebarPhase.WARMING)).isEqualTo(closing);
        assertThat(SidebarPresence.initial().then(false, SidebarPhase.READY).visible()).isFalse();
    }

    @Test
    void filtersCycleAllActiveRunning() {
        assertThat(SessionFilter.ALL.next()).isEqualTo(SessionFilter.ACTIVE);
        assertThat(SessionFilter.ACTIVE.next()).isEqualTo(SessionFilter.RUNNING);
        assertThat(SessionFilter.RUNNING.next()).isEqualTo(SessionFilter.ALL);
        assertThat(AgentScope.CURRENT.other()).isEqualTo(AgentScope.ALL);
    }
}
