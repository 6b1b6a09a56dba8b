package dev.opensessions.adapters.agents.testsupport;

import dev.opensessions.application.port.out.AgentObservation;
import dev.opensessions.application.port.out.AgentSink;
import dev.opensessions.application.testkit.Await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A sink that keeps every observation a source reported, for tests that wait for one with a deadline. */
public final class ObservationRecorder implements AgentSink {

    private final List<AgentObservation> observed = new CopyOnWriteArrayList<>();

    @Override
    public void observed(AgentObservation observation) {
        observed.add(observation);
    }

    public List<AgentObservation> all() {
        return List.copyOf(observed);
    }

    /** Waits up to five seconds for a matching observation and returns the latest that matches. */
    public AgentObservation await(String what, Predicate<AgentObservation> matching) {
        Await.until(() -> latest(matching).isPresent(), Duration.ofSeconds(5), what);
        return latest(matching).orElseThrow();
    }

    public Optional<AgentObservation> latest(Predicate<AgentObservation> matching) {
        List<AgentObservation> snapshot = all();
        for (int i = snapshot.size() - 1; i >= 0; i--) {
            if (matching.test(snapshot.get(i))) {
                return Optional.of(snapshot.get(i));
            }
        }
        return Optional.empty();
    }
}
