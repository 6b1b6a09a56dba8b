package dev.opensessions.application.port.out;

import dev.opensessions.application.testkit.Await;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link AgentSource} must do; extended by the fake's test and by a real source's test. */
public abstract class AgentSourceContract {

    /** Generous: the real sources wait for file-system events on a machine that may be busy. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** A source over an agent that has done nothing yet; not yet started. */
    protected abstract Stage stage();

    /** The source under test, and the agent it watches. */
    protected interface Stage extends AutoCloseable {

        AgentSource source();

        /** Makes the agent work on a thread, as a user's agent would (a transcript written, a row stored). */
        void agentWorks();

        @Override
        void close();
    }

    @Test
    void itNamesTheAgentItReportsFor() {
        try (Stage stage = stage()) {
            assertThat(stage.source().agent()).matches("[a-z][a-z0-9-]*");
        }
    }

    @Test
    void startedItReportsAThreadTheAgentWorksOnUnderItsOwnName() {
        try (Stage stage = stage()) {
            List<AgentObservation> seen = new CopyOnWriteArrayList<>();
            stage.source().start(seen::add);

            stage.agentWorks();

            Await.until(() -> !seen.isEmpty(), WAIT, "an observation");
            assertThat(seen).allSatisfy(observation -> {
                assertThat(observation.agent()).isEqualTo(stage.source().agent());
                assertThat(observation.threadId()).isNotBlank();
            });
        }
    }

    @Test
    void startReturnsAtOnceAndCloseMayBeCalledTwice() {
        try (Stage stage = stage()) {
            stage.source().start(observation -> { });

            stage.source().close();
            stage.source().close();
        }
    }
}
