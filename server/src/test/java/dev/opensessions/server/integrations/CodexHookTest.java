package dev.opensessions.server.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Codex hook fixed: it posts to the server of this tmux at /api/agent-event, Stop is done,
 * and it serves both the hooks engine (stdin) and the older notify command (last argument).
 */
class CodexHookTest {

    private static final String HOOK = "integrations/codex/opensessions-hook";
    private static final String THREAD = "0199a1f2-5c3e-7d10-b8a4-6e2f9c0d1a77";

    @TempDir
    Path home;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "SessionStart, idle",
            "PreToolUse, tool-running",
            "PermissionRequest, waiting",
            "PostToolUse, running",
            "Stop, done",
    })
    void hookEventsMapToTheirStatus(String event, String status) throws Exception {
        try (EventReceiver server = EventReceiver.start()) {
            String input = "{\"session_id\":\"" + THREAD + "\",\"transcript_path\":\"/home/dev/.codex/sessions/2026/03/01/"
                    + "rollout-2026-03-01T09-12-44-" + THREAD + ".jsonl\",\"cwd\":\"/home/dev/api\",\"hook_event_name\":\""
                    + event + "\",\"model\":\"gpt-5-codex\",\"tool_input\":{\"command\":[\"bash\",\"-lc\",\"ls\"]}}";

            ScriptRunner.Result result = runner(server).run(HOOK, input);

            assertThat(result).isEqualTo(new ScriptRunner.Result(0, "", ""));
            EventReceiver.Received received = server.next();
            assertThat(received.path()).isEqualTo("/api/agent-event");
            JsonNode body = received.body();
            assertThat(body.get("agent").asText()).isEqualTo("codex");
            assertThat(body.get("status").asText()).isEqualTo(status);
            assertThat(body.get("threadId").asText()).isEqualTo(THREAD);
            assertThat(body.get("projectDir").asText()).isEqualTo("/home/dev/api");
            assertThat(body.get("paneId").asText()).isEqualTo("%5");
        }
    }

    @Test
    void promptSubmitCarriesThePrompt() throws Exception {
        try (EventReceiver server = EventReceiver.start()) {
            runner(server).run(HOOK, "{\"session_id\":\"" + THREAD + "\",\"cwd\":\"/home/dev/api\","
                    + "\"hook_event_name\":\"UserPromptSubmit\",\"prompt\":\"rename `Foo` → \\\"Bar\\\"\\nin ünïcode/*\"}");

            JsonNode body = server.next().body();
            assertThat(body.get("status").asText()).isEqualTo("running");
            assertThat(body.get("lastUserPrompt").asText()).isEqualTo("rename `Foo` → \"Bar\"\nin ünïcode/*");
        }
    }

    @Test
    void notifyTurnCompleteIsDone() throws Exception {
        try (EventReceiver server = EventReceiver.start()) {
            String notification = "{\"type\":\"agent-turn-complete\",\"thread-id\":\"" + THREAD + "\",\"turn-id\":\"12\","
                    + "\"cwd\":\"/home/dev/api\",\"input-messages\":[\"ship it\"],\"last-assistant-message\":\"Shipped.\"}";

            ScriptRunner.Result result = runner(server).run(HOOK, "", notification);

            assertThat(result).isEqualTo(new ScriptRunner.Result(0, "", ""));
            JsonNode body = server.next().body();
            assertThat(body.get("status").asText()).isEqualTo("done");
            assertThat(body.get("threadId").asText()).isEqualTo(THREAD);
            assertThat(body.get("projectDir").asText()).isEqualTo("/home/dev/api");
        }
    }

    @Test
    void otherNotificationsPostNothing() throws Exception {
        try (EventReceiver server = EventReceiver.start()) {
            ScriptRunner runner = runner(server);
            runner.run(HOOK, "", "{\"type\":\"approval-requested\",\"thread-id\":\"ignored\"}");
            runner.run(HOOK, "", "{\"type\":\"agent-turn-complete\",\"thread-id\":\"marker\",\"cwd\":\"/m\"}");

            assertThat(server.next().body().get("threadId").asText()).isEqualTo("marker");
        }
    }

    private ScriptRunner runner(EventReceiver server) {
        return new ScriptRunner(home).with("TMUX", "/tmp/tmux-1000/default,77,1").with("TMUX_PANE", "%5")
                .with("OPENSESSIONS_PORT", Integer.toString(server.port()));
    }
}
