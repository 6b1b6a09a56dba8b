package dev.opensessions.adapters.agents.plugin;

import dev.opensessions.adapters.agents.testsupport.ObservationRecorder;
import dev.opensessions.application.port.out.AgentObservation;
import dev.opensessions.application.testkit.Await;
import dev.opensessions.domain.agent.AgentStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

class CommandAgentSourceTest {

    private static final Logger LOG = Logger.getLogger(CommandAgentSource.class.getName());

    @TempDir
    Path dir;

    private final ObservationRecorder sink = new ObservationRecorder();
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private CommandAgentSource source;

    @BeforeEach
    void captureLog() {
        LOG.addHandler(capture);
    }

    @AfterEach
    void stop() {
        if (source != null) {
            source.close();
        }
        LOG.removeHandler(capture);
    }

    @Test
    void reportsEachEventLineLogsBadLinesAndStderrThenCloseKillsIt() throws Exception {
        Path events = Files.writeString(dir.resolve("events.jsonl"), PluginLineParserTest.fixture());
        Path pid = dir.resolve("pid");
        Path script = script("watch.sh", """
                #!/bin/sh
                echo $$ > "$2"
                cat "$1"
                echo
                echo "gemini state: connected ✓" >&2
                exec sleep 600
                """);
        start("gemini", script.toString(), events.toString(), pid.toString());

        sink.await("last done event", o -> o.status() == AgentStatus.DONE && o.agent().equals("gemini"));
        assertThat(sink.all()).extracting(AgentObservation::status).containsExactly(AgentStatus.RUNNING,
                AgentStatus.TOOL_RUNNING, AgentStatus.DONE, AgentStatus.DONE);
        assertThat(sink.all()).extracting(AgentObservation::origin).containsOnly("plugin:gemini");
        Await.until(() -> logged.stream().anyMatch(m -> m.endsWith("gemini: gemini state: connected ✓")),
                Duration.ofSeconds(5), "stderr in the log");
        Await.until(() -> logged.stream().anyMatch(m -> m.endsWith("line 12 skipped: invalid json")),
                Duration.ofSeconds(5), "the half-written last line, completed by the echo, in the log");
        assertThat(logged).anyMatch(m -> m.endsWith("line 4 skipped: invalid status"));

        long running = Long.parseLong(Files.readString(pid).strip());
        assertThat(ProcessHandle.of(running)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
        source.close();

        Await.until(() -> ProcessHandle.of(running).map(p -> !p.isAlive()).orElse(true), Duration.ofSeconds(5),
                "plugin killed");
    }

    @Test
    void exitedPluginIsRestartedAfterItsBackoff() throws Exception {
        Path runs = dir.resolve("runs");
        Path script = script("once.sh", """
                #!/bin/sh
                echo run >> "$1"
                n=$(wc -l < "$1" | tr -d ' ')
                printf '{"agent":"kimi","status":"done","threadId":"run-%s"}\\n' "$n"
                """);
        start("kimi", script.toString(), runs.toString());

        sink.await("third run", o -> o.threadId().equals("run-3"));

        assertThat(logged).anyMatch(m -> m.contains("kimi exited; restarting in 50 ms"));
        assertThat(logged).anyMatch(m -> m.contains("kimi exited; restarting in 100 ms"));
        source.close();
        long after = Files.readAllLines(runs).size();
        assertThat(source.agent()).isEqualTo("plugin:kimi");
        assertThat(Files.readAllLines(runs)).hasSize((int) after);
    }

    @Test
    void programThatCannotStartIsRetriedAndClosesQuickly() {
        start("ghost", dir.resolve("no-such-program").toString());

        Await.until(() -> logged.stream().filter(m -> m.contains("ghost cannot start")).count() >= 2,
                Duration.ofSeconds(5), "two failed starts");
        long started = System.nanoTime();
        source.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(sink.all()).isEmpty();
    }

    @Test
    void argumentsAreWordsNeverShellText() throws Exception {
        Path marker = dir.resolve("marker");
        Path script = script("echo-args.sh", """
                #!/bin/sh
                printf '{"agent":"devin","status":"running","threadName":"%s"}\\n' "$1"
                exec sleep 600
                """);
        start("devin", script.toString(), "$(touch " + marker + "); `touch " + marker + "`");

        AgentObservation event = sink.await("event", o -> o.agent().equals("devin"));

        assertThat(event.threadName()).isEqualTo("$(touch " + marker + "); `touch " + marker + "`");
        assertThat(marker).doesNotExist();
    }

    private void start(String name, String... command) {
        source = new CommandAgentSource(new AgentPlugin(name, List.of(command)), Clock.systemUTC(),
                new RestartBackoff(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMinutes(1)));
        source.start(sink);
    }

    private Path script(String name, String text) throws IOException {
        Path file = Files.writeString(dir.resolve(name), text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
