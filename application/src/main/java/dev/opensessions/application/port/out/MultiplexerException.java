package dev.opensessions.application.port.out;

/** The multiplexer failed or did not answer in time; the caller reports it and changes nothing else. */
public class MultiplexerException extends RuntimeException {

    public MultiplexerException(String message, Throwable cause) {
        super(message, cause);
    }
}
