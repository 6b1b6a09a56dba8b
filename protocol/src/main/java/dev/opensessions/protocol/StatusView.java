package dev.opensessions.protocol;

/** A status pill on the wire. */
public record StatusView(String text, String tone, long ts) {
}
