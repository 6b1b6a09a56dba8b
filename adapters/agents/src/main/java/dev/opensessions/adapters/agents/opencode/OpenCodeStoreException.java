package dev.opensessions.adapters.agents.opencode;

/** An OpenCode or Kilo database could not be read (missing, locked past the timeout, an unknown schema). */
final class OpenCodeStoreException extends RuntimeException {

    OpenCodeStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
