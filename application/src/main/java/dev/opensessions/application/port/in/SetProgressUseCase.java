package dev.opensessions.application.port.in;

import dev.opensessions.domain.session.SessionName;

import java.util.Objects;

/** Sets or clears a session's progress bar. */
public interface SetProgressUseCase {

    void setProgress(Command command);

    /** Numbers are null when not given; {@code clear} or no number at all removes the progress. */
    record Command(SessionName session, Double current, Double total, Double percent, String label, boolean clear) {

        public Command {
            Objects.requireNonNull(session, "session");
        }
    }
}
