package dev.opensessions.application.testkit;

import dev.opensessions.application.port.out.AgentObservation;
import dev.opensessions.application.port.out.AgentSource;
import dev.opensessions.application.port.out.AgentSourceContract;
import dev.opensessions.domain.agent.AgentStatus;

import java.time.Instant;
import java.util.List;

/** Holds the fake agent source to the port's contract. */
class FakeAgentSourceTest extends AgentSourceContract {

    @Override
    protected Stage stage() {
        FakeAgentSource fake = new FakeAgentSource("claude-code");
        return new Stage() {
            @Override
            public AgentSource source() {
                return fake;
            }

            @Override
            public void agentWorks() {
                fake.report(new AgentObservation("claude-code", "thread-1", AgentStatus.RUNNING, "fix the build",
                        "fix the build", "/srv/api", null, Instant.ofEpochSecond(1_700_000_000L), false, "/srv/api/thread-1.jsonl",
                        List.of()));
            }

            @Override
            public void close() {
                fake.close();
            }
        };
    }
}
