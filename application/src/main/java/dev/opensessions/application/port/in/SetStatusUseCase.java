package dev.opensessions.application.port.in;

import dev.opensessions.domain.metadata.Tone;
import dev.opensessions.domain.session.SessionName;

/** Sets or clears a session's status pill; a null or blank text clears it. */
public interface SetStatusUseCase {

    void setStatus(SessionName session, String text, Tone tone);
}
