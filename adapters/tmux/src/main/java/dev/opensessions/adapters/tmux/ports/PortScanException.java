package dev.opensessions.adapters.tmux.ports;

/** The system could not be asked for listening ports (unreadable /proc, lsof missing, failing or too slow). */
public class PortScanException extends RuntimeException {

    public PortScanException(String message) {
        super(message);
    }

    public PortScanException(String message, Throwable cause) {
        super(message, cause);
    }
}
