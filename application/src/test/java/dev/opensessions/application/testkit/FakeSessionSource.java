package dev.opensessions.application.testkit;

import dev.opensessions.application.port.out.SessionSource;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.Topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** A multiplexer a test drives by hand: it pushes whatever topology the test sets. */
public final class FakeSessionSource implements SessionSource {

    private volatile Consumer<Topology> listener;
    private volatile Topology topology = Topology.empty();
    private final AtomicInteger refreshes = new AtomicInteger();

    @Override
    public void open(Consumer<Topology> onChange) {
        listener = onChange;
        onChange.accept(topology);
    }

    /** Replaces the topology and pushes it to the core, as a multiplexer notification would. */
    public void push(Topology next) {
        topology = next;
        Consumer<Topology> current = listener;
        if (current != null) {
            current.accept(next);
        }
    }

    /** Pushes sessions named as given, each in its own directory with one pane, created in that order. */
    public void pushSessions(String... namesAndDirs) {
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i + 1 < namesAndDirs.length; i += 2) {
            sessions.add(session(namesAndDirs[i], namesAndDirs[i + 1], i / 2));
        }
        push(new Topology(sessions, Set.of()));
    }

    public static Session session(String name, String dir, int pane) {
        return new Session(SessionName.of(name), Instant.ofEpochSecond(1_700_000_000L + pane), dir, 1,
                List.of(PaneId.of("%" + pane)));
    }

    /** Pushes the same topology again, as a re-read of the multiplexer would. */
    @Override
    public void refresh() {
        refreshes.incrementAndGet();
        push(topology);
    }

    public int refreshes() {
        return refreshes.get();
    }

    public Topology topology() {
        return topology;
    }

    @Override
    public void close() {
        listener = null;
    }
}
