package dev.opensessions.application.port.in;

import dev.opensessions.domain.session.SessionName;

/** Hides a session from the list (a client's current session still shows for that client). */
public interface HideSessionUseCase {

    void hide(SessionName session);
}
