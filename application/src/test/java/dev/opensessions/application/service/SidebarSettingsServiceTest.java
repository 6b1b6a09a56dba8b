package dev.opensessions.application.service;

import dev.opensessions.application.state.Change;
import dev.opensessions.application.testkit.FakeSettingsStore;
import dev.opensessions.application.testkit.FakeSidebarPanes;
import dev.opensessions.application.testkit.FakeSidebarPanes.Maintained;
import dev.opensessions.domain.sidebar.AgentScope;
import dev.opensessions.domain.sidebar.SessionFilter;
import dev.opensessions.domain.sidebar.SidebarPhase;
import dev.opensessions.domain.sidebar.SidebarSettings;
import dev.opensessions.domain.sidebar.SidebarSide;
import dev.opensessions.domain.sidebar.ThemeChoice;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SidebarSettingsServiceTest {

    private final Harness harness = new Harness();
    private final FakeSettingsStore store = new FakeSettingsStore();
    private final FakeSidebarPanes panes = new FakeSidebarPanes();
    private final SidebarSettingsService service = new SidebarSettingsService(harness.owner, store, panes);

    @Test
    void aNewThemeIsPublishedThenSaved() {
        long before = version();

        service.setTheme(ThemeChoice.named("nord"));

        assertThat(version()).isEqualTo(before + 1);
        assertThat(settings().theme()).isEqualTo(ThemeChoice.named("nord"));
        assertThat(store.saves).containsExactly(settings());
        assertThat(panes.maintained).as("only the width concerns the panes").isEmpty();
    }

    @Test
    void theSameValueAgainPublishesAndSavesNothing() {
        service.setFilter(SessionFilter.RUNNING);
        long before = version();

        service.setFilter(SessionFilter.RUNNING);
        service.setTheme(ThemeChoice.defaultChoice());
        service.setGroupCollapsed("github.com/acme/api", false);

        assertThat(version()).isEqualTo(before);
        assertThat(store.saves).hasSize(1);
    }

    @Test
    void aWidthChangeIsClampedSavedAndHandedToThePanes() {
        service.setWidth(40);
        service.setWidth(500);
        service.setWidth(60);

        assertThat(settings().width()).isEqualTo(SidebarSettings.MAX_WIDTH);
        assertThat(store.saves).extracting(SidebarSettings::width).containsExactly(40, 60);
        assertThat(panes.maintained).containsExactly(new Maintained(true, 40), new Maintained(true, 60));
    }

    @Test
    void aWidthChangeWhileHiddenKeepsThePanesHidden() {
        harness.owner.apply(state -> Change.of(state.withPresence(state.presence().then(false, SidebarPhase.READY)), null));

        service.setWidth(30);

        assertThat(panes.maintained).containsExactly(new Maintained(false, 30));
    }

    @Test
    void groupsAndDetailHeightAreShared() {
        service.setGroupCollapsed("github.com/acme/api", true);
        service.setGroupCollapsed("github.com/acme/web", true);
        service.setGroupCollapsed("github.com/acme/api", false);
        service.setDetailHeight(2);

        assertThat(settings().collapsedGroups()).containsExactly("github.com/acme/web");
        assertThat(settings().detailHeight()).isEqualTo(SidebarSettings.MIN_DETAIL_HEIGHT);
        assertThat(store.stored).isEqualTo(settings());
    }

    @Test
    void aFailingConfigKeepsTheChangeAndNeverThrows() {
        store.failing = true;

        service.setTheme(ThemeChoice.named("dracula"));
        service.setWidth(33);

        assertThat(settings().theme().name()).isEqualTo("dracula");
        assertThat(settings().width()).isEqualTo(33);
        assertThat(panes.maintained).containsExactly(new Maintained(true, 33));

        store.failing = false;
        service.setFilter(SessionFilter.ACTIVE);
        assertThat(store.stored).as("the next save writes everything").isEqualTo(settings());
    }

    @Test
    void restoreAppliesTheStoredSettingsWithoutSavingThem() {
        SidebarSettings stored = new SidebarSettings(new ThemeChoice("nord", Map.of("blue", "#112233")), 31,
                SessionFilter.ACTIVE, Set.of("github.com/acme/api"), 12, AgentScope.ALL, SidebarSide.RIGHT);
        store.stored = stored;

        service.restore();

        assertThat(settings()).isEqualTo(stored);
        assertThat(store.saves).isEmpty();
        assertThat(panes.maintained).as("the presence service hands the panes what to keep").isEmpty();
    }

    @Test
    void anUnreadableConfigRestoresTheDefaults() {
        store.failing = true;

        service.restore();

        assertThat(settings()).isEqualTo(SidebarSettings.defaults());
    }

    private SidebarSettings settings() {
        return harness.owner.current().sidebar();
    }

    private long version() {
        return harness.owner.current().version();
    }
}
