package dev.opensessions.adapters.tmux;

/** A tmux command failed, timed out, or could not be sent because the control connection is down. */
public class TmuxException extends RuntimeException {

    public TmuxException(String message) {
        super(message);
    }

    public TmuxException(String message, Throwable cause) {
        super(message, cause);
    }
}
