package dev.opensessions.application.port.out;

import dev.opensessions.domain.sidebar.SidebarSettings;
import dev.opensessions.domain.sidebar.SidebarSide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link SettingsStore} must do; extended by the fake's test and by the real adapter's test. */
public abstract class SettingsStoreContract {

    /** A fresh store with nothing saved. */
    protected abstract SettingsStore store();

    @Test
    void aFreshStoreLoadsTheDefaults() {
        assertThat(store().load()).isEqualTo(SidebarSettings.defaults());
    }

    @Test
    void savedSettingsLoadBackEqual() {
        SettingsStore store = store();
        SidebarSettings saved = SidebarSettings.defaults().withWidth(41).withDetailHeight(9)
                .withGroupCollapsed("infra", true).withPosition(SidebarSide.RIGHT);

        store.save(saved);

        assertThat(store.load()).isEqualTo(saved);
    }

    @Test
    void aLaterSaveReplacesTheEarlierOne() {
        SettingsStore store = store();
        store.save(SidebarSettings.defaults().withWidth(41).withGroupCollapsed("infra", true));
        SidebarSettings later = SidebarSettings.defaults().withWidth(30);

        store.save(later);

        assertThat(store.load()).isEqualTo(later);
    }
}
