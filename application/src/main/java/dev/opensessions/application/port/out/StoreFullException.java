package dev.opensessions.application.port.out;

/** The store could not write because the disk holding it is full; writing again may work once space returns. */
public class StoreFullException extends StoreException {

    public StoreFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
