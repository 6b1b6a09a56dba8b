package dev.opensessions.application.testkit;

import dev.opensessions.application.port.out.AgentObservation;
import dev.opensessions.application.port.out.AgentSink;
import dev.opensessions.application.port.out.AgentSource;

import java.util.Objects;

/** An agent source a test drives by hand: it reports whatever observation the test gives it. */
public final class FakeAgentSource implements AgentSource {

    private final String agent;
    private volatile AgentSink sink;
    private volatile boolean closed;

    public FakeAgentSource(String agent) {
        this.agent = Objects.requireNonNull(agent, "agent");
    }

    @Override
    public String agent() {
        return agent;
    }

    @Override
    public void start(AgentSink target) {
        this.sink = Objects.requireNonNull(target, "target");
    }

    /** Reports one observation to the sink it was started with, as a watcher thread would. */
    public void report(AgentObservation observation) {
        AgentSink current = sink;
        if (current == null || closed) {
            throw new IllegalStateException("source not started or already closed");
        }
        current.observed(observation);
    }

    public boolean started() {
        return sink != null;
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }
}
