package dev.opensessions.adapters.persistence;

import dev.opensessions.application.port.out.SettingsStore;
import dev.opensessions.application.port.out.SettingsStoreContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Holds the config.json store to the SettingsStore contract, on a real file in a temporary folder. */
class ConfigFileSettingsStoreContractTest extends SettingsStoreContract {

    @TempDir
    Path dir;

    @Override
    protected SettingsStore store() {
        return new ConfigFileSettingsStore(dir.resolve("config.json"));
    }
}
