package dev.opensessions.adapters.http;

/** A request this adapter refuses before it reaches a use case; the message is the 400 body. */
public final class InvalidRequest extends RuntimeException {

    public InvalidRequest(String reason) {
        super(reason, null, false, false);
    }

    public String reason() {
        return getMessage();
    }
}
