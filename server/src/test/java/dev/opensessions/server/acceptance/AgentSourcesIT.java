package dev.opensessions.server.acceptance;

import dev.opensessions.domain.agent.ClaudeProjectDirs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agent state reaching the sidebar from both kinds of source, files the server watches and hooks that post, end to end:
 * a Claude Code transcript growing under the user's home while the packaged server runs, and the Claude Code hook run
 * in a tmux pane the way Claude Code runs it. Latency is measured by bench/agent-latency.sh, not here.
 */
class AgentSourcesIT extends AcceptanceTest {

    private static final Path HOOK = Installation.REPO.resolve("integrations/claude-code/opensessions-hook");
    private static final String THREAD = "3f6c1d2e-8b47-4a59-9e10-7c2d5b8a4f61";

    @Test
    void aGrowingTranscriptMovesTheSessionFromRunningToUnseenDone() throws Exception {
        Path shop = folder("shop app");
        String pane = session("shop", shop);
        session("docs");
        attach("shop");
        String sidebar = startFrom(pane);
        Path transcript = home.resolve(".claude/projects").resolve(ClaudeProjectDirs.encode(shop.toString()))
                .resolve(THREAD + ".jsonl");
        Files.createDirectories(transcript.getParent());

        append(transcript, user(shop, "réparer le panier 🛒"));

        awaitScreen(sidebar, s -> s.text().contains("réparer le panier"), "the running thread listed");
        assertThat(opensessions.state()).contains("\"status\":\"running\"");

        append(transcript, assistant(shop, "tool_use", "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"Bash\","
                + "\"input\":{\"command\":\"npm test\"}}"));
        append(transcript, assistant(shop, "end_turn", "{\"type\":\"text\",\"text\":\"Le panier garde ses articles.\"}"));

        SidebarScreen done = awaitScreen(sidebar, s -> s.signal("shop").equals(Optional.of("●")),
                "the finished turn arrives unseen");
        assertThat(done.unseenCount()).isEqualTo(1);
        assertThat(done.signal("docs")).as(done.text()).isNotEqualTo(Optional.of("●"));
    }

    @Test
    void theHookRunInAPaneReportsOnThatPanesSessionEvenWhenAnotherSessionSharesTheFolder() throws Exception {
        Path app = folder("app");
        String first = session("first", app);
        attach("first");
        String sidebar = startFrom(first);
        // Every pane made from here on knows the server's port, as the hook derives nothing from a test port.
        tmux.run("set-environment", "-g", "OPENSESSIONS_PORT", Integer.toString(opensessions.port()));
        String second = tmux.newSession("second", app);
        Path event = home.resolve("stop-event.json");
        Files.writeString(event, """
                {"session_id":"%s","transcript_path":"/tmp/t.jsonl","cwd":"%s","hook_event_name":"Stop","stop_hook_active":false}
                """.formatted(THREAD, app), StandardCharsets.UTF_8);

        tmux.run("send-keys", "-t", second, "-l", "'" + HOOK + "' < '" + event + "'");
        tmux.run("send-keys", "-t", second, "Enter");

        SidebarScreen shown = awaitScreen(sidebar, s -> s.signal("second").equals(Optional.of("●")),
                "the hook's done lands on the pane's session");
        assertThat(shown.signal("first")).as(shown.text()).isNotEqualTo(Optional.of("●"));
        assertThat(opensessions.state()).contains("\"paneId\":\"" + second + "\"");
    }

    private static String user(Path cwd, String prompt) {
        return entry(cwd, "user", "{\"role\":\"user\",\"content\":\"" + prompt + "\"}");
    }

    private static String assistant(Path cwd, String stopReason, String content) {
        return entry(cwd, "assistant", "{\"id\":\"msg_01\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"model\":\"claude-sonnet-4-5-20250929\",\"content\":[" + content + "],\"stop_reason\":\""
                + stopReason + "\"}");
    }

    private static String entry(Path cwd, String type, String message) {
        return "{\"parentUuid\":null,\"isSidechain\":false,\"userType\":\"external\",\"cwd\":\"" + cwd
                + "\",\"sessionId\":\"" + THREAD + "\",\"version\":\"2.0.37\",\"type\":\"" + type
                + "\",\"timestamp\":\"" + Instant.now() + "\",\"message\":" + message + "}";
    }

    private static void append(Path file, String line) throws IOException {
        Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
