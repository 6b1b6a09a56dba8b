package dev.opensessions.application.service;

import dev.opensessions.application.port.in.SidebarSettingsUseCase;
import dev.opensessions.application.port.out.SettingsStore;
import dev.opensessions.application.port.out.SidebarPanes;
import dev.opensessions.application.port.out.StoreException;
import dev.opensessions.application.state.Change;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.domain.sidebar.SessionFilter;
import dev.opensessions.domain.sidebar.SidebarSettings;
import dev.opensessions.domain.sidebar.ThemeChoice;

import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Applies the shared sidebar settings to the state, so every sidebar repaints at once, and writes them to the
 * user's config; a config that cannot be written costs persistence, never the change.
 */
public final class SidebarSettingsService implements SidebarSettingsUseCase {

    private static final System.Logger LOG = System.getLogger(SidebarSettingsService.class.getName());

    private final StateOwner owner;
    private final SettingsStore store;
    private final SidebarPanes panes;
    private final Object writes = new Object();
    private boolean failing;

    public SidebarSettingsService(StateOwner owner, SettingsStore store, SidebarPanes panes) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.store = Objects.requireNonNull(store, "store");
        this.panes = Objects.requireNonNull(panes, "panes");
    }

    /**
     * Puts the stored settings into the state at start, without writing them back; the presence service then
     * hands the side, width and visibility to the sidebar panes.
     */
    public void restore() {
        SidebarSettings stored;
        try {
            stored = store.load();
        } catch (StoreException failure) {
            LOG.log(Level.WARNING, "could not read the sidebar settings, using the defaults: " + failure.getMessage());
            stored = SidebarSettings.defaults();
        }
        SidebarSettings loaded = stored;
        owner.apply(state -> Change.of(loaded.equals(state.sidebar()) ? state : state.withSidebar(loaded), null));
    }

    @Override
    public void setTheme(ThemeChoice theme) {
        Objects.requireNonNull(theme, "theme");
        change(settings -> settings.withTheme(theme));
    }

    @Override
    public void setWidth(int width) {
        if (change(settings -> settings.withWidth(width))) {
            StateSnapshot now = owner.current();
            // A closing server is taking its sidebars down; resizing them would only race the teardown.
            if (!now.presence().closing()) {
                panes.maintain(now.presence().visible(), now.sidebar().width());
            }
        }
    }

    @Override
    public void setFilter(SessionFilter filter) {
        Objects.requireNonNull(filter, "filter");
        change(settings -> settings.withFilter(filter));
    }

    @Override
    public void setGroupCollapsed(String group, boolean collapsed) {
        Objects.requireNonNull(group, "group");
        change(settings -> settings.withGroupCollapsed(group, collapsed));
    }

    @Override
    public void setDetailHeight(int rows) {
        change(settings -> settings.withDetailHeight(rows));
    }

    /** Publishes and saves the changed settings; false when they were already so. */
    private boolean change(UnaryOperator<SidebarSettings> edit) {
        // One change at a time from publish to save, so the file always ends with the newest settings.
        synchronized (writes) {
            SidebarSettings changed = owner.apply(state -> {
                SidebarSettings next = edit.apply(state.sidebar());
                return next.equals(state.sidebar()) ? Change.of(state, null) : Change.of(state.withSidebar(next), next);
            });
            if (changed == null) {
                return false;
            }
            save(changed);
            return true;
        }
    }

    private void save(SidebarSettings settings) {
        try {
            store.save(settings);
            failing = false;
        } catch (StoreException failure) {
            // Logged when saving starts to fail, not on every slider step while it keeps failing.
            if (!failing) {
                LOG.log(Level.ERROR, "could not save the sidebar settings: " + failure.getMessage()
                        + "; the change applies until the server stops");
            }
            failing = true;
        }
    }
}
