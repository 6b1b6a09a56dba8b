package dev.opensessions.application.testkit;

import dev.opensessions.application.port.out.SettingsStore;
import dev.opensessions.application.port.out.SettingsStoreContract;

/** Holds the fake settings store to the port's contract. */
class FakeSettingsStoreTest extends SettingsStoreContract {

    @Override
    protected SettingsStore store() {
        return new FakeSettingsStore();
    }
}
