package dev.opensessions.application.port.out;

/** Where agent sources report what they read; it may be called from any thread. */
@FunctionalInterface
public interface AgentSink {

    void observed(AgentObservation observation);
}
