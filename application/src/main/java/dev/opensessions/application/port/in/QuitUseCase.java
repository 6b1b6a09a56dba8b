package dev.opensessions.application.port.in;

/** Shuts the whole server down; idempotent, and nothing can reopen it (docs/reference/sidebar.md#quit-is-final). */
public interface QuitUseCase {

    /** Starts the shutdown; returns false when it had already started. */
    boolean quit();
}
