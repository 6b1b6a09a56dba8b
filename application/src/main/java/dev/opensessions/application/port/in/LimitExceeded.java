package dev.opensessions.application.port.in;

/**
 * A write refused because it would take a bounded part of the state past its cap (CONTRACTS.md lists the
 * caps); nothing was changed. Adapters answer it as {@code 429} with the message.
 */
public final class LimitExceeded extends RuntimeException {

    public LimitExceeded(String message) {
        super(message, null, false, false);
    }
}
