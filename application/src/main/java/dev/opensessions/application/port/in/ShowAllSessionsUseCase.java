package dev.opensessions.application.port.in;

/** Clears the hidden set. */
public interface ShowAllSessionsUseCase {

    void showAll();
}
