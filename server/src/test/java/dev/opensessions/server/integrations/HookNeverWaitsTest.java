package dev.opensessions.server.integrations;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hook runs inside the agent's loop: with the server down, stalled or slow it must exit 0 at once, print
 * nothing and leave nothing holding its output. Its latency is measured by bench/hook-latency.sh, not here.
 */
class HookNeverWaitsTest {

    private static final String STOP = "{\"session_id\":\"s1\",\"cwd\":\"/srv/app\",\"hook_event_name\":\"Stop\"}";

    @TempDir
    Path home;

    @ParameterizedTest
    @ValueSource(strings = {"integrations/claude-code/opensessions-hook", "integrations/codex/opensessions-hook"})
    void withTheServerDownTheHookExitsCleanAndSilent(String hook) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        ScriptRunner.Result result = new ScriptRunner(home).with("OPENSESSIONS_PORT", Integer.toString(port))
                .with("TMUX", "/tmp/tmux-1000/default,1,0").with("TMUX_PANE", "%1").run(hook, STOP);

        assertThat(result).isEqualTo(new ScriptRunner.Result(0, "", ""));
    }

    @Test
    void theHookReturnsWhileItsPostIsStillInFlight() throws Exception {
        Path bin = Tools.only(home.resolve("bin"), "bash", "cat", "jq", "sleep", "mv");
        Path pidFile = home.resolve("curl.pid");
        // A curl that never finishes: the hook must be gone while it still runs.
        Tools.stub(bin, "curl", "#!/usr/bin/env bash\nprintf '%s' \"$$\" > \"$STUB_PID.tmp\"\n"
                + "mv \"$STUB_PID.tmp\" \"$STUB_PID\"\nexec sleep 60\n");

        ScriptRunner.Result result = new ScriptRunner(home).with("PATH", bin.toString())
                .with("STUB_PID", pidFile.toString()).with("OPENSESSIONS_PORT", "9")
                .run("integrations/claude-code/opensessions-hook", STOP);

        assertThat(result).isEqualTo(new ScriptRunner.Result(0, "", ""));
        ProcessHandle curl = awaitPid(pidFile).flatMap(ProcessHandle::of)
                .orElseThrow(() -> new AssertionError("the hook never started curl"));
        try {
            assertThat(curl.isAlive()).as("the post outlives the hook").isTrue();
        } finally {
            curl.destroyForcibly();
        }
    }

    @Test
    void aServerThatAcceptsButNeverAnswersDoesNotHoldTheHook() throws Exception {
        try (ServerSocket stalled = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ScriptRunner.Result result = new ScriptRunner(home)
                    .with("OPENSESSIONS_PORT", Integer.toString(stalled.getLocalPort()))
                    .run("integrations/claude-code/opensessions-hook", STOP);

            assertThat(result).isEqualTo(new ScriptRunner.Result(0, "", ""));
            stalled.setSoTimeout(10_000);
            try (Socket post = stalled.accept()) {
                String request = new String(post.getInputStream().readNBytes(21));
                assertThat(request).isEqualTo("POST /api/agent-event");
            }
        }
    }

    /** The stand-in curl's pid, checked every 20 ms up to a deadline (the background job may start late). */
    private static Optional<Long> awaitPid(Path pidFile) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (Files.exists(pidFile)) {
                return Optional.of(Long.parseLong(Files.readString(pidFile).strip()));
            }
            LockSupport.parkNanos(20_000_000);
        }
        return Optional.empty();
    }
}
