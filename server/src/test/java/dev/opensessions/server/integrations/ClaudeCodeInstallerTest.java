package dev.opensessions.server.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bin/opensessions integrate claude-code} edits ~/.claude/settings.json without breaking what is there. */
class ClaudeCodeInstallerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> EVENTS = List.of("SessionStart", "UserPromptSubmit", "PreToolUse", "PostToolUse",
            "Notification", "Stop", "SubagentStop", "SessionEnd");
    private static final String ORIGINAL = """
            {
              "model": "opus",
              "env": {"BASH_DEFAULT_TIMEOUT_MS": "120000"},
              "permissions": {"allow": ["Bash(npm run test:*)", "Read(~/notes/**)"], "deny": ["Read(./.env)"]},
              "hooks": {
                "PreToolUse": [
                  {"matcher": "Bash", "hooks": [{"type": "command", "command": "~/.claude/guard.sh \\"$CLAUDE_PROJECT_DIR\\""}]}
                ],
                "Stop": [{"hooks": [{"type": "command", "command": "notify-send 'Claude' 'done ✓'"}]}],
                "PreCompact": [{"matcher": "auto", "hooks": [{"type": "command", "command": "cp \\"$TRANSCRIPT\\" /tmp/"}]}]
              },
              "statusLine": {"type": "command", "command": "~/.claude/statusline.sh"}
            }
            """;

    @TempDir
    Path home;
    private Path settings;

    @BeforeEach
    void writeSettings() throws IOException {
        settings = Files.createDirectories(home.resolve(".claude")).resolve("settings.json");
        Files.writeString(settings, ORIGINAL);
    }

    @Test
    void installingTwiceAddsOneHookPerEventAndKeepsEverythingElse() throws Exception {
        assertThat(integrate().exitCode()).isZero();
        assertThat(integrate().exitCode()).isZero();

        JsonNode after = JSON.readTree(settings.toFile());
        for (String event : EVENTS) {
            assertThat(ourHooks(after.path("hooks").path(event))).as(event).hasSize(1);
        }
        assertThat(ourHooks(after.path("hooks").path("PreToolUse").get(1))).hasSize(1);
        assertThat(after.path("hooks").path("PreToolUse").get(1).path("matcher").asText()).isEqualTo("*");
        JsonNode original = JSON.readTree(ORIGINAL);
        assertThat(after.get("hooks").get("PreToolUse").get(0)).isEqualTo(original.get("hooks").get("PreToolUse").get(0));
        assertThat(after.get("hooks").get("Stop").get(0)).isEqualTo(original.get("hooks").get("Stop").get(0));
        assertThat(after.get("hooks").get("PreCompact")).isEqualTo(original.get("hooks").get("PreCompact"));
        for (String key : List.of("model", "env", "permissions", "statusLine")) {
            assertThat(after.get(key)).as(key).isEqualTo(original.get(key));
        }
        assertThat(backups()).as("one backup, before the only edit").hasSize(1);
        assertThat(Files.readString(backups().get(0))).isEqualTo(ORIGINAL);
    }

    @Test
    void uninstallRemovesOnlyOursAndBacksUpFirst() throws Exception {
        integrate();
        String installed = Files.readString(settings);

        assertThat(integrate("--uninstall").exitCode()).isZero();

        assertThat(JSON.readTree(settings.toFile())).isEqualTo(JSON.readTree(ORIGINAL));
        assertThat(backups()).hasSize(2);
        assertThat(backups().stream().map(ClaudeCodeInstallerTest::read)).contains(installed);
    }

    @Test
    void aHookFromAMovedCheckoutIsReplacedNotDoubled() throws Exception {
        Files.writeString(settings, """
                {"hooks": {"Stop": [{"hooks": [
                  {"type": "command", "command": "'/old place/opensessions/integrations/claude-code/opensessions-hook'"},
                  {"type": "command", "command": "say done"}]}]}}
                """);

        integrate();

        JsonNode stop = JSON.readTree(settings.toFile()).path("hooks").path("Stop");
        assertThat(ourHooks(stop)).hasSize(1);
        assertThat(stop.toString()).doesNotContain("/old place/").contains("say done");
    }

    @Test
    void settingsThatAreNotJsonAreLeftAlone() throws Exception {
        String broken = "{\"model\": \"opus\", // a comment Claude Code would reject too\n";
        Files.writeString(settings, broken);

        ScriptRunner.Result result = integrate();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("left unchanged");
        assertThat(Files.readString(settings)).isEqualTo(broken);
        assertThat(backups()).isEmpty();
    }

    @Test
    void aMissingSettingsFileIsCreated() throws Exception {
        Files.delete(settings);

        integrate();

        assertThat(ourHooks(JSON.readTree(settings.toFile()).path("hooks").path("UserPromptSubmit"))).hasSize(1);
    }

    private ScriptRunner.Result integrate(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("integrate", "claude-code"));
        args.addAll(List.of(extra));
        return new ScriptRunner(home).run("bin/opensessions", "", args.toArray(String[]::new));
    }

    private static List<JsonNode> ourHooks(JsonNode node) {
        List<JsonNode> ours = new ArrayList<>();
        node.findValues("command").stream()
                .filter(command -> command.asText().endsWith("/integrations/claude-code/opensessions-hook"))
                .forEach(ours::add);
        return ours;
    }

    private List<Path> backups() throws IOException {
        try (Stream<Path> files = Files.list(settings.getParent())) {
            return files.filter(file -> file.getFileName().toString().startsWith("settings.json.bak-")).sorted().toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException failure) {
            throw new AssertionError(failure);
        }
    }
}
