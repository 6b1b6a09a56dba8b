package dev.opensessions.adapters.agents.watch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opensessions.adapters.agents.testsupport.ObservationRecorder;
import dev.opensessions.application.port.out.AgentObservation;
import dev.opensessions.application.testkit.MutableClock;
import dev.opensessions.domain.agent.AgentStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static dev.opensessions.adapters.agents.watch.Transcripts.append;
import static org.assertj.core.api.Assertions.assertThat;

class FileThreadSourceTest {

    /** A parser whose status is the {@code s} field of the last entry that has one. */
    record StatusField(AgentStatus status) implements TranscriptParser {
        @Override
        public TranscriptParser accept(JsonlEntry entry) {
            JsonNode s = entry.json().get("s");
            return s == null ? this : new StatusField(AgentStatus.fromWire(s.asText()).orElseThrow());
        }

        @Override
        public Optional<ThreadState> state() {
            return Optional.ofNullable(status).map(s -> new ThreadState(null, s, null, null, "/p", false, List.of()));
        }
    }

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.now());
    private final ObservationRecorder sink = new ObservationRecorder();
    private final AtomicReference<String> name = new AtomicReference<>();
    private FileThreadSource source;

    @AfterEach
    void close() {
        source.close();
    }

    private void start() {
        source = new FileThreadSource(new FileThreadSource.Layout("test", dir, 1,
                file -> file.toString().endsWith(".jsonl"),
                file -> new JsonlThreadReader("test", "t", file, () -> new StatusField(null)),
                RecentFiles.lastFiveMinutes(clock), FileWatch.DEFAULT_RESCAN),
                read -> name.get() == null ? read : new AgentObservation(read.agent(), read.threadId(), read.status(),
                        name.get(), null, read.projectDir(), null, read.lastActivity(), false, read.origin(),
                        read.evidence()));
        source.start(sink);
    }

    @Test
    void reportsAThreadWhenItsFileSaysSomethingNew() throws IOException {
        Path file = dir.resolve("a.jsonl");
        append(file, "{\"s\":\"running\"}");
        start();
        sink.await("running", o -> o.status() == AgentStatus.RUNNING);

        append(file, "{\"s\":\"done\"}");

        AgentObservation done = sink.await("done", o -> o.status() == AgentStatus.DONE);
        assertThat(done.origin()).isEqualTo(file.toString());
        assertThat(sink.all()).extracting(AgentObservation::status)
                .containsExactly(AgentStatus.RUNNING, AgentStatus.DONE);
    }

    @Test
    void aChangeThatSaysNothingNewIsNotReported() throws IOException {
        Path file = dir.resolve("a.jsonl");
        append(file, "{\"s\":\"running\"}");
        start();
        sink.await("running", o -> o.status() == AgentStatus.RUNNING);

        append(file, "{\"noise\":1}", "{\"s\":\"done\"}");
        sink.await("done", o -> o.status() == AgentStatus.DONE);
        source.changed(file);

        assertThat(sink.all()).hasSize(2);
    }

    @Test
    void filesOlderThanTheWindowAreIgnored() throws IOException {
        Path old = dir.resolve("old.jsonl");
        append(old, "{\"s\":\"done\"}");
        Files.setLastModifiedTime(old, FileTime.from(clock.instant().minus(Duration.ofMinutes(6))));
        Path fresh = dir.resolve("fresh.jsonl");
        append(fresh, "{\"s\":\"error\"}");
        start();

        sink.await("fresh file", o -> o.status() == AgentStatus.ERROR);
        source.changed(old);

        assertThat(sink.all()).extracting(AgentObservation::origin).containsExactly(fresh.toString());
    }

    @Test
    void redecorateReportsOnlyThreadsWhoseDecorationChanged() throws IOException {
        append(dir.resolve("a.jsonl"), "{\"s\":\"done\"}");
        start();
        sink.await("first", o -> o.status() == AgentStatus.DONE);

        source.redecorate();
        assertThat(sink.all()).hasSize(1);
        name.set("Renamed ✨");
        source.redecorate();

        assertThat(sink.all()).extracting(AgentObservation::threadName).containsExactly(null, "Renamed ✨");
    }
}
