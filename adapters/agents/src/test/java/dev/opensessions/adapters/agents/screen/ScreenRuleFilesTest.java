package dev.opensessions.adapters.agents.screen;

import dev.opensessions.domain.agent.screen.ScreenReader;
import dev.opensessions.domain.agent.screen.ScreenReading;
import dev.opensessions.domain.agent.screen.ScreenState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScreenRuleFilesTest {

    private static final String KIMI = """
            {
              "agent": "kimi",
              "name": "Kimi CLI",
              "source": "written for this test",
              "process": {"names": ["kimi"]},
              "screen": {
                "lines": 10,
                "waiting": ["Approve\\\\? \\\\[y/n\\\\]"],
                "working": ["^\\\\s*Thinking"],
                "idle": ["^kimi> "]
              }
            }
            """;

    @TempDir
    Path folder;

    @Test
    void aUserRuleForANewAgentIsReadOnTheNextLoadAndClassifiesItsScreen() throws IOException {
        ScreenRuleFiles files = new ScreenRuleFiles(folder);
        assertThat(files.load().rule("kimi")).isEmpty();

        Files.writeString(folder.resolve("kimi.json"), KIMI);
        ScreenRules rules = files.load();

        assertThat(rules.problems()).isEmpty();
        ScreenReading reading = ScreenReader.read(rules.rule("kimi").orElseThrow(),
                List.of("kimi> edit main.py", "  Thinking", "Run rm -rf build? Approve? [y/n]", "")).orElseThrow();
        assertThat(reading.state()).isEqualTo(ScreenState.WAITING);
        assertThat(reading.matched()).containsExactly("Run rm -rf build? Approve? [y/n]");
        assertThat(rules.programs()).anyMatch(program -> program.recognise("kimi", List.of("kimi")).isPresent());
        assertThat(rules.rule("claude-code")).isPresent();
    }

    @Test
    void aUserRuleReplacesTheShippedRuleOfTheSameAgent() throws IOException {
        Files.writeString(folder.resolve("aider.json"), KIMI.replace("\"kimi\"", "\"aider\""));

        ScreenRules rules = new ScreenRuleFiles(folder).load();

        assertThat(rules.rules()).filteredOn(rule -> rule.agent().equals("aider")).singleElement()
                .satisfies(rule -> assertThat(rule.name()).isEqualTo("Kimi CLI"));
    }

    @Test
    void aBadFileIsReportedWithItsReasonAndChangesNothing() throws IOException {
        Files.writeString(folder.resolve("a-broken.json"), "{ not json");
        Files.writeString(folder.resolve("b-typo.json"), KIMI.replace("\"lines\"", "\"line\""));
        Files.writeString(folder.resolve("c-regex.json"), KIMI.replace("^kimi> ", "(unclosed"));
        Files.writeString(folder.resolve("d-aider.json"), KIMI.replace("\"kimi\"", "\"aider\"")
                .replace("\"lines\": 10", "\"lines\": 0"));
        Files.writeString(folder.resolve("notes.txt"), "not a rule");

        ScreenRules rules = new ScreenRuleFiles(folder).load();

        assertThat(rules.problems()).hasSize(4);
        assertThat(rules.problems().get(0)).contains("a-broken.json", "not JSON");
        assertThat(rules.problems().get(1)).contains("b-typo.json", "unknown key: line");
        assertThat(rules.problems().get(2)).contains("c-regex.json", "idle pattern does not compile");
        assertThat(rules.problems().get(3)).contains("d-aider.json", "lines of aider must be 1..200");
        assertThat(rules.rule("kimi")).isEmpty();
        assertThat(rules.rule("aider").orElseThrow().name()).isEqualTo("Aider");
    }

    @Test
    void aMissingUserFolderLeavesTheShippedRules() {
        ScreenRules rules = new ScreenRuleFiles(folder.resolve("agents")).load();

        assertThat(rules.problems()).isEmpty();
        assertThat(rules.rules()).hasSizeGreaterThanOrEqualTo(12);
    }
}
