package dev.opensessions.application.port.out;

import dev.opensessions.domain.session.Topology;

import java.util.function.Consumer;

/**
 * Where live sessions come from (the multiplexer): pushes the whole topology whenever it changes, the
 * first time as soon as it is opened.
 */
public interface SessionSource extends AutoCloseable {

    void open(Consumer<Topology> onChange);

    @Override
    void close();
}
