package dev.opensessions.server.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opensessions.server.ServerKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Claude Code hook, run as Claude Code runs it (event JSON on stdin, inside a tmux pane), reports the right state. */
class ClaudeCodeHookTest {

    private static final String HOOK = "integrations/claude-code/opensessions-hook";
    private static final String SESSION = "5d2f8c1e-7a43-4b9e-9c61-0e8f2a7b3d10";

    @TempDir
    Path home;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "'\"hook_event_name\":\"SessionStart\",\"source\":\"startup\"', idle",
            "'\"hook_event_name\":\"SessionStart\",\"source\":\"resume\"', idle",
            "'\"hook_event_name\":\"PreToolUse\",\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"mvn -q verify\",\"description\":\"Run the tests\"}', tool-running",
            "'\"hook_event_name\":\"PostToolUse\",\"tool_name\":\"Task\",\"tool_input\":{\"prompt\":\"nested, not the user\\u0027s\"},\"tool_response\":{\"content\":[{\"type\":\"text\",\"text\":\"ok\"}]}', running",
            "'\"hook_event_name\":\"Notification\",\"message\":\"Claude needs your permission to use Bash\",\"notification_type\":\"permission_prompt\"', waiting",
            "'\"hook_event_name\":\"Notification\",\"message\":\"Claude needs your permission to use Edit\"', waiting",
            "'\"hook_event_name\":\"Stop\",\"stop_hook_active\":false', done",
            "'\"hook_event_name\":\"SubagentStop\",\"stop_hook_active\":false', running",
    })
    void eachEventPostsItsStatusForThePaneAndThread(String fields, String status) throws Exception {
        try (EventReceiver server = EventReceiver.start()) {
            ScriptRunner.Result result = hook(server.port()).run(HOOK, input(fields));

            assertThat(result).isEqualTo(new ScriptRunner.Result(0, "", ""));
            EventReceiver.Received event = server.next();
            assertThat(event.method()).isEqualTo("POST");
            assertThat(event.path()).isEqualTo("/api/agent-event");
            assertThat(event.contentType()).isEqualTo("application/json");
            JsonNode body = event.body();
            assertThat(body.get("agent").asText()).isEqualTo("claude-code");
            assertThat(body.get("status").asText()).isEqualTo(status);
            assertThat(body.get("threadId").asText()).isEqualTo(SESSION);
            assertThat(body.get("paneId").asText()).isEqualTo("%12");
            assertThat(body.get("projectDir").asText()).isEqualTo("/home/dev/src/café app");
            assertThat(body.get("ts").isIntegralNumber()).isTrue();
            assertThat(body.has("lastUserPrompt")).isFalse();
        }
    }

    @Test
    void promptArrivesIntactWithJq() throws Exception {
        assertPromptArrivesIntact(Map.of());
    }

    @Test
    void promptArrivesIntactWithoutJq() throws Exception {
        assertPromptArrivesIntact(Map.of("PATH", Tools.only(home.resolve("bin"), "bash", "cat", "curl").toString()));
    }

    private void assertPromptArrivesIntact(Map<String, String> env) throws Exception {
        String prompt = "Fix \\\"the\\\" bug in C:\\\\tmp\\n\\tthen say “done” — 修正してください 🚀 {\\\"k\\\": [1]}";
        try (EventReceiver server = EventReceiver.start()) {
            ScriptRunner runner = hook(server.port());
            env.forEach(runner::with);
            runner.run(HOOK, input("\"hook_event_name\":\"UserPromptSubmit\",\"prompt\":\"" + prompt + "\""));

            JsonNode body = server.next().body();
            assertThat(body.get("status").asText()).isEqualTo("running");
            assertThat(body.get("lastUserPrompt").asText())
                    .isEqualTo("Fix \"the\" bug in C:\\tmp\n\tthen say “done” — 修正してください 🚀 {\"k\": [1]}");
            assertThat(body.get("threadId").asText()).isEqualTo(SESSION);
        }
    }

    @Test
    void aLongToolOutputQuotingOtherSessionsStillNamesThisOne() throws Exception {
        String line = "{\\\"session_id\\\":\\\"someone-else\\\",\\\"cwd\\\":\\\"/elsewhere\\\"}\\n";
        String output = line.repeat(4000);
        try (EventReceiver server = EventReceiver.start()) {
            hook(server.port()).with("PATH", Tools.only(home.resolve("bin"), "bash", "cat", "curl").toString())
                    .run(HOOK, input("\"hook_event_name\":\"PostToolUse\",\"tool_name\":\"Read\","
                            + "\"tool_response\":{\"content\":\"" + output + "\"}"));

            JsonNode body = server.next().body();
            assertThat(body.get("threadId").asText()).isEqualTo(SESSION);
            assertThat(body.get("projectDir").asText()).isEqualTo("/home/dev/src/café app");
        }
    }

    @Test
    void sessionEndIsDoneWithNothingToLookAt() throws Exception {
        try (EventReceiver server = EventReceiver.start()) {
            hook(server.port()).run(HOOK, input("\"hook_event_name\":\"SessionEnd\",\"reason\":\"prompt_input_exit\""));

            JsonNode body = server.next().body();
            assertThat(body.get("status").asText()).isEqualTo("done");
            assertThat(body.get("unseen").asBoolean(true)).isFalse();
        }
    }

    @ParameterizedTest(name = "{0} posts nothing")
    @CsvSource({
            "'\"hook_event_name\":\"SessionStart\",\"source\":\"compact\"'",
            "'\"hook_event_name\":\"Notification\",\"message\":\"Claude is waiting for your input\",\"notification_type\":\"idle_prompt\"'",
            "'\"hook_event_name\":\"Notification\",\"message\":\"Claude is waiting for your input\"'",
            "'\"hook_event_name\":\"PreCompact\",\"trigger\":\"auto\"'",
            "'\"hook_event_name\":\"Stop\",\"half-written'",
    })
    void eventsThatSayNothingAboutTheStatePostNothing(String fields) throws Exception {
        try (EventReceiver server = EventReceiver.start()) {
            ScriptRunner runner = hook(server.port());
            assertThat(runner.run(HOOK, input(fields))).isEqualTo(new ScriptRunner.Result(0, "", ""));
            // The marker event runs after; a post of the first one would have started earlier and arrive first.
            runner.run(HOOK, "{\"session_id\":\"marker\",\"cwd\":\"/m\",\"hook_event_name\":\"Stop\"}");

            assertThat(server.next().body().get("threadId").asText()).isEqualTo("marker");
        }
    }

    @Test
    void findsTheServerOfItsTmuxWithoutAnyPortSetting() throws Exception {
        for (int attempt = 0; ; attempt++) {
            String tmux = "/tmp/tmux-1000/hook-test-" + attempt + ",4242,0";
            int port = ServerKey.fromEnvironment(Map.of("TMUX", tmux)).port();
            EventReceiver server;
            try {
                server = EventReceiver.startOn(port);
            } catch (IOException taken) {
                assertThat(attempt).as("a free derived port").isLessThan(20);
                continue;
            }
            try (server) {
                new ScriptRunner(home).with("TMUX", tmux).with("TMUX_PANE", "%3")
                        .run(HOOK, input("\"hook_event_name\":\"Stop\""));
                assertThat(server.next().body().get("paneId").asText()).isEqualTo("%3");
                return;
            }
        }
    }

    @Test
    void outsideTmuxTheEventCarriesNoPane() throws Exception {
        try (EventReceiver server = EventReceiver.start()) {
            new ScriptRunner(home).with("OPENSESSIONS_URL", "http://127.0.0.1:" + server.port() + "/")
                    .run(HOOK, input("\"hook_event_name\":\"Stop\""));

            JsonNode body = server.next().body();
            assertThat(body.has("paneId")).isFalse();
            assertThat(body.get("status").asText()).isEqualTo("done");
        }
    }

    private ScriptRunner hook(int port) {
        return new ScriptRunner(home).with("TMUX", "/tmp/tmux-1000/default,4242,0").with("TMUX_PANE", "%12")
                .with("OPENSESSIONS_PORT", Integer.toString(port));
    }

    static String input(String fields) {
        return "{\"session_id\":\"" + SESSION + "\",\"transcript_path\":\"/home/dev/.claude/projects/-home-dev-src-caf--app/"
                + SESSION + ".jsonl\",\"cwd\":\"/home/dev/src/café app\",\"permission_mode\":\"default\"," + fields + "}";
    }
}
