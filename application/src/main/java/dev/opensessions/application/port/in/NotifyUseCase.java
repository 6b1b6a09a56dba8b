package dev.opensessions.application.port.in;

/** Logs a line and marks it as the session's latest notification, for surfaces that flash it. */
public interface NotifyUseCase {

    void notify(LogCommand command);
}
