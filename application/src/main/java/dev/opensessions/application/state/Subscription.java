package dev.opensessions.application.state;

/** A registered listener; closing it stops delivery. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
