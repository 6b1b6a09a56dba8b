package dev.opensessions.application.port.in;

import dev.opensessions.domain.metadata.Tone;
import dev.opensessions.domain.session.SessionName;

import java.util.Objects;

/** One line to log on a session; {@code source} is null when not given. */
public record LogCommand(SessionName session, String message, Tone tone, String source) {

    public LogCommand {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(tone, "tone");
    }
}
