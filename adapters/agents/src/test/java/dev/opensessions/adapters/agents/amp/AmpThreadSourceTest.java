package dev.opensessions.adapters.agents.amp;

import dev.opensessions.adapters.agents.testsupport.ObservationRecorder;
import dev.opensessions.application.port.out.AgentObservation;
import dev.opensessions.domain.agent.AgentStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AmpThreadSourceTest {

    @TempDir
    Path home;

    private final ObservationRecorder sink = new ObservationRecorder();
    private AmpThreadSource source;

    @AfterEach
    void close() {
        if (source != null) {
            source.close();
        }
    }

    @Test
    void threadsFolderIsUnderLocalShare() {
        assertThat(AmpThreadSource.threadsDir(home)).isEqualTo(home.resolve(".local/share/amp/threads"));
    }

    @Test
    void reportsRecentThreadsAndSkipsOldOnes() throws IOException {
        Path threads = Files.createDirectories(AmpThreadSource.threadsDir(home));
        write(threads.resolve("T-done.json"), "T-done.json");
        Path old = write(threads.resolve("T-cancelled.json"), "T-cancelled.json");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofMinutes(10))));

        start();

        AgentObservation done = sink.await("done thread", o -> o.threadId().equals("T-0b7e5d21-done"));
        assertThat(done.status()).isEqualTo(AgentStatus.DONE);
        assertThat(done.origin()).isEqualTo(threads.resolve("T-done.json").toString());
        assertThat(sink.all()).noneMatch(o -> o.threadId().equals("T-9a3b-cancelled"));
    }

    @Test
    void threadRewrittenInPlaceIsReportedAgain() throws IOException {
        Path threads = Files.createDirectories(AmpThreadSource.threadsDir(home));
        Path file = threads.resolve("T-3f2a.json");
        write(file, "T-awaiting-approval.json");
        start();
        sink.await("awaiting approval", o -> o.status() == AgentStatus.RUNNING && o.endsInToolCall());

        write(file, "T-tool-in-progress.json");

        sink.await("tool running", o -> o.status() == AgentStatus.TOOL_RUNNING);
    }

    @Test
    void halfWrittenDocumentWaitsForItsRewrite() throws IOException {
        Path threads = Files.createDirectories(AmpThreadSource.threadsDir(home));
        Path file = threads.resolve("T-3f2a9c1e-7b4d-4e8a-9c1f-2d6b8e0a4c55.json");
        start();
        write(file, "T-half-written.json");
        write(threads.resolve("T-streaming.json"), "T-streaming.json");
        sink.await("a later thread", o -> o.threadId().equals("T-8e2f-streaming"));
        assertThat(sink.all()).noneMatch(o -> o.threadId().startsWith("T-3f2a"));

        write(file, "T-tool-in-progress.json");

        sink.await("the completed document", o -> o.threadId().startsWith("T-3f2a"));
    }

    @Test
    void folderCreatedAfterStartIsWatched() throws IOException {
        Files.createDirectories(AmpThreadSource.threadsDir(home).getParent());
        start();
        Path threads = Files.createDirectory(AmpThreadSource.threadsDir(home));

        write(threads.resolve("T-error.json"), "T-error.json");

        assertThat(sink.await("error thread", o -> o.threadId().equals("T-1d4c-error")).status())
                .isEqualTo(AgentStatus.ERROR);
    }

    @Test
    void filesThatAreNotThreadDocumentsAreIgnored() throws IOException {
        Path threads = Files.createDirectories(AmpThreadSource.threadsDir(home));
        write(threads.resolve("T-done.json.tmp-4242"), "T-done.json");
        write(threads.resolve("session.json"), "T-cancelled.json");
        start();
        write(threads.resolve("T-error.json"), "T-error.json");

        sink.await("error thread", o -> o.threadId().equals("T-1d4c-error"));
        assertThat(sink.all()).extracting(AgentObservation::threadId).containsOnly("T-1d4c-error");
    }

    private void start() {
        source = new AmpThreadSource(home, Clock.systemUTC());
        assertThat(source.agent()).isEqualTo("amp");
        source.start(sink);
    }

    private static Path write(Path file, String fixture) throws IOException {
        return Files.writeString(file, AmpThreadParserTest.fixture(fixture), StandardCharsets.UTF_8);
    }
}
