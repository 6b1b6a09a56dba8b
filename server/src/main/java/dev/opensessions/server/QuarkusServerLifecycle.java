package dev.opensessions.server;

import dev.opensessions.application.port.out.ServerLifecycle;
import io.quarkus.runtime.Quarkus;

/** Exits the Quarkus application after the current request has been answered. */
final class QuarkusServerLifecycle implements ServerLifecycle {

    @Override
    public void exit() {
        Quarkus.asyncExit(0);
    }
}
