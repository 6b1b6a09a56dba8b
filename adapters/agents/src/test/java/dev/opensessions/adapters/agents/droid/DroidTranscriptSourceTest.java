package dev.opensessions.adapters.agents.droid;

import dev.opensessions.adapters.agents.testsupport.ObservationRecorder;
import dev.opensessions.application.port.out.AgentObservation;
import dev.opensessions.domain.agent.AgentStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static dev.opensessions.adapters.agents.watch.Transcripts.append;
import static dev.opensessions.adapters.agents.watch.Transcripts.copy;
import static org.assertj.core.api.Assertions.assertThat;

class DroidTranscriptSourceTest {

    private static final String HOOKS = "-home-dana-api/a9b8c7d6-e5f4-4321-8765-0fedcba98765.jsonl";
    private static final String MESSAGES = "-home-dana-app/f4c8a2d6-1b3e-4f70-9a85-c6d2e0b4a817.jsonl";

    @TempDir
    Path dir;

    private final ObservationRecorder sink = new ObservationRecorder();
    private DroidTranscriptSource source;

    @AfterEach
    void close() {
        source.close();
    }

    @Test
    void factoryProjectsDirHoldsTheTranscripts() throws IOException {
        Path projects = dir.resolve("factory-projects");
        source = new DroidTranscriptSource(Map.of("FACTORY_PROJECTS_DIR", projects.toString()), dir,
                Clock.systemUTC());
        source.start(sink);
        Path file = copy("droid/" + HOOKS, projects.resolve(HOOKS));

        AgentObservation waiting = sink.await("waiting", o -> o.status() == AgentStatus.WAITING);
        assertThat(waiting.agent()).isEqualTo("droid");
        assertThat(waiting.threadId()).isEqualTo("a9b8c7d6-e5f4-4321-8765-0fedcba98765");

        append(file, "{\"hook_event_name\":\"Stop\",\"session_id\":\"a9b8c7d6-e5f4-4321-8765-0fedcba98765\","
                + "\"cwd\":\"/home/dana/api\",\"stop_hook_active\":false}");

        sink.await("done", o -> o.status() == AgentStatus.DONE);
    }

    @Test
    void withoutTheVariableBothFactoryFoldersAreWatched() throws IOException {
        copy("droid/" + HOOKS, dir.resolve(".factory/projects/" + HOOKS));
        copy("droid/" + MESSAGES, dir.resolve(".factory/sessions/" + MESSAGES));
        source = new DroidTranscriptSource(Map.of(), dir, Clock.systemUTC());

        source.start(sink);

        sink.await("projects transcript", o -> o.status() == AgentStatus.WAITING);
        sink.await("sessions transcript", o -> o.status() == AgentStatus.DONE
                && o.threadName().equals("Gradle → version catalogs"));
    }

    @Test
    void theSettingsFileBesideASessionIsNoThread() throws IOException {
        String settings = MESSAGES.replace(".jsonl", ".settings.json");
        copy("droid/" + settings, dir.resolve(".factory/sessions/" + settings));
        copy("droid/" + MESSAGES, dir.resolve(".factory/sessions/" + MESSAGES));
        source = new DroidTranscriptSource(Map.of(), dir, Clock.systemUTC());

        source.start(sink);

        sink.await("the session", o -> o.status() == AgentStatus.DONE);
        assertThat(sink.all()).extracting(AgentObservation::threadId)
                .containsOnly("f4c8a2d6-1b3e-4f70-9a85-c6d2e0b4a817");
    }
}
