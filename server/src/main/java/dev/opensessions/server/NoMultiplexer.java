package dev.opensessions.server;

import dev.opensessions.application.port.out.SessionSource;
import dev.opensessions.domain.session.Topology;

import java.util.function.Consumer;

/**
 * The session source of a server that runs outside tmux: there are no live sessions, so metadata is
 * still stored by name and agent events are accepted but unresolved (202), as SPEC 2.3 says.
 */
final class NoMultiplexer implements SessionSource {

    @Override
    public void open(Consumer<Topology> onChange) {
        onChange.accept(Topology.empty());
    }

    @Override
    public void close() {
        // Nothing was opened.
    }
}
