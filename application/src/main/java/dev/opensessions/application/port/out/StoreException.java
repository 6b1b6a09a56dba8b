package dev.opensessions.application.port.out;

/** A store could not read or write; the core logs it and carries on in memory. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
