package dev.opensessions.application.port.in;

/** Shuts the whole server down; idempotent, and nothing can reopen it (SPEC 9.3, decision 1). */
public interface QuitUseCase {

    /** Starts the shutdown; returns false when it had already started. */
    boolean quit();
}
