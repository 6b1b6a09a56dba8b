package dev.opensessions.application.port.out;

import dev.opensessions.domain.session.Topology;

import java.util.function.Consumer;

/**
 * Where live sessions come from (the multiplexer): pushes the whole topology whenever it changes, the
 * first time as soon as it is opened.
 */
public interface SessionSource extends AutoCloseable {

    void open(Consumer<Topology> onChange);

    /** Reads the whole topology again and pushes it; a source that already pushes every change may ignore it. */
    default void refresh() {
    }

    @Override
    void close();
}
