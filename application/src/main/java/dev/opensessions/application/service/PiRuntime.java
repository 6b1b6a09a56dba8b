package dev.opensessions.application.service;

import dev.opensessions.application.port.in.RegisterPiRuntimeUseCase;
import dev.opensessions.domain.session.PaneId;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One live Pi process as the registry holds it: its latest registration and its latest heartbeat.
 *
 * @param beat when its latest heartbeat was sent, never after the server's clock at arrival
 */
record PiRuntime(RegisterPiRuntimeUseCase.Command registration, Instant beat) {

    /** Three missed 5 s heartbeats: the process is gone. */
    static final Duration EXPIRES_AFTER = Duration.ofSeconds(15);

    PiRuntime {
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(beat, "beat");
    }

    long pid() {
        return registration.pid();
    }

    String sessionId() {
        return registration.sessionId();
    }

    PaneId pane() {
        return registration.paneId();
    }

    Instant expiresAt() {
        return beat.plus(EXPIRES_AFTER);
    }
}
