package dev.opensessions.server.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bin/opensessions integrate codex} turns the hooks on in ~/.codex and keeps the user's config as it was. */
class CodexInstallerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOOK = ScriptRunner.REPO.resolve("integrations/codex/opensessions-hook").toString();
    private static final String CONFIG = """
            # Codex settings (hand written)
            model = "gpt-5-codex"
            approval_policy = "on-request"

            [features]
            web_search_request = true

            [mcp_servers.docs]
            command = "docs-mcp"
            args = ["--port", "9000"]
            """;

    @TempDir
    Path home;

    @Test
    void installingTwiceSetsNotifyTheFlagAndOneHookPerEvent() throws Exception {
        Path config = write(CONFIG);

        assertThat(integrate().exitCode()).isZero();
        assertThat(integrate().exitCode()).isZero();

        String after = Files.readString(config);
        assertThat(after).contains("notify = [\"" + HOOK + "\"]", "codex_hooks = true", "web_search_request = true",
                "# Codex settings (hand written)", "args = [\"--port\", \"9000\"]");
        assertThat(after.indexOf("notify =")).isLessThan(after.indexOf("[features]"));
        JsonNode hooks = JSON.readTree(home.resolve(".codex/hooks.json").toFile()).get("hooks");
        for (String event : List.of("SessionStart", "UserPromptSubmit", "PreToolUse", "PermissionRequest", "PostToolUse", "Stop")) {
            assertThat(hooks.get(event).findValues("command")).as(event).hasSize(1);
        }
        assertThat(backups("config.toml.bak-")).hasSize(1);
    }

    @Test
    void uninstallRemovesOurNotifyAndHooksButLeavesTheFlag() throws Exception {
        Path config = write(CONFIG);
        integrate();

        assertThat(integrate("--uninstall").exitCode()).isZero();

        assertThat(Files.readString(config))
                .isEqualTo(CONFIG.replace("[features]\n", "[features]\ncodex_hooks = true\n"));
        assertThat(JSON.readTree(home.resolve(".codex/hooks.json").toFile()).has("hooks")).isFalse();
    }

    @Test
    void anotherNotifyCommandIsKept() throws Exception {
        Path config = write("notify = [\"terminal-notifier\", \"-title\", \"Codex\"]\n");

        integrate();

        assertThat(Files.readString(config)).startsWith("notify = [\"terminal-notifier\", \"-title\", \"Codex\"]\n")
                .contains("codex_hooks = true").doesNotContain(HOOK);
    }

    @Test
    void aLayoutItDoesNotEditIsLeftAlone() throws Exception {
        String inline = "features = { codex_hooks = false }\n";
        Path config = write(inline);

        ScriptRunner.Result result = integrate();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("left unchanged");
        assertThat(Files.readString(config)).isEqualTo(inline);
    }

    private Path write(String text) throws Exception {
        Path config = Files.createDirectories(home.resolve(".codex")).resolve("config.toml");
        Files.writeString(config, text);
        return config;
    }

    private ScriptRunner.Result integrate(String... extra) throws Exception {
        String[] args = Stream.concat(Stream.of("integrate", "codex"), Stream.of(extra)).toArray(String[]::new);
        return new ScriptRunner(home).run("bin/opensessions", "", args);
    }

    private List<Path> backups(String prefix) throws Exception {
        try (Stream<Path> files = Files.list(home.resolve(".codex"))) {
            return files.filter(file -> file.getFileName().toString().startsWith(prefix)).toList();
        }
    }
}
