package dev.opensessions.application.testkit;

import dev.opensessions.application.port.out.SettingsStore;
import dev.opensessions.application.port.out.StoreException;
import dev.opensessions.domain.sidebar.SidebarSettings;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the settings in memory and records every save; can be told to fail reads and writes. */
public final class FakeSettingsStore implements SettingsStore {

    public final List<SidebarSettings> saves = new CopyOnWriteArrayList<>();
    public volatile SidebarSettings stored = SidebarSettings.defaults();
    public volatile boolean failing;

    @Override
    public SidebarSettings load() {
        if (failing) {
            throw new StoreException("config.json: permission denied", null);
        }
        return stored;
    }

    @Override
    public void save(SidebarSettings settings) {
        if (failing) {
            throw new StoreException("config.json: no space left on device", null);
        }
        saves.add(settings);
        stored = settings;
    }
}
