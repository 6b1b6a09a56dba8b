package dev.opensessions.application.port.out;

import dev.opensessions.domain.sidebar.SidebarSettings;

/**
 * Where the shared sidebar settings are kept ({@code config.json}). A missing or malformed file
 * reads as the defaults; saving merges the sidebar's keys into the file and keeps every other key.
 */
public interface SettingsStore {

    SidebarSettings load();

    /** Writes the settings; raises {@link StoreException} when the file cannot be written. */
    void save(SidebarSettings settings);
}
