package dev.opensessions.server;

import dev.opensessions.application.port.out.ServerLifecycle;
import io.quarkus.runtime.Quarkus;

import java.time.Duration;

/**
 * Exits the Quarkus application shortly after the current request has been answered: the pause lets the
 * {@code closing…} frame reach every sidebar and the {@code quit} message every WebSocket client first
 * (the reference server drains for about 120 ms the same way).
 */
final class QuarkusServerLifecycle implements ServerLifecycle {

    static final Duration DRAIN = Duration.ofMillis(120);

    @Override
    public void exit() {
        Thread.ofVirtual().name("opensessions-exit").start(() -> {
            try {
                Thread.sleep(DRAIN);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Quarkus.asyncExit(0);
        });
    }
}
