package dev.opensessions.adapters.agents.screen;

import dev.opensessions.domain.agent.screen.ScreenReader;
import dev.opensessions.domain.agent.screen.ScreenReading;
import dev.opensessions.domain.agent.screen.ScreenRule;
import dev.opensessions.domain.agent.screen.ScreenState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped rules against the recorded screens in {@code src/test/resources/screens/<agent>/<state>.txt}:
 * one row per recorded screen, its expected state in its file name.
 */
class ShippedScreenRulesTest {

    private static final List<String> REQUIRED = List.of("claude-code", "codex", "gemini", "cursor-agent", "copilot",
            "opencode", "amp", "goose", "qwen-code", "aider", "pi", "droid");

    @TempDir
    static Path noUserRules;

    private static ScreenRules shipped() {
        return new ScreenRuleFiles(noUserRules.resolve("absent")).load();
    }

    static Stream<Arguments> recordedScreens() throws IOException, URISyntaxException {
        Path root = Path.of(ShippedScreenRulesTest.class.getResource("/screens").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".txt")).sorted().map(file -> Arguments.of(
                    file.getParent().getFileName().toString(), file.getFileName().toString(), file)).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("recordedScreens")
    void eachRecordedScreenReadsAsTheStateItWasRecordedIn(String agent, String file, Path screen) throws IOException {
        ScreenState expected = ScreenState.valueOf(file.replaceAll("(-\\d+)?\\.txt$", "").toUpperCase(Locale.ROOT));
        ScreenRule rule = shipped().rule(agent).orElseThrow();

        ScreenReading reading = ScreenReader.read(rule, Files.readAllLines(screen, StandardCharsets.UTF_8)).orElseThrow();

        assertThat(reading.state()).as(reading.describe()).isEqualTo(expected);
        assertThat(reading.matched()).isNotEmpty();
    }

    @Test
    void everyRequiredAgentShipsARuleAndAScreenForEachStateItReads() throws URISyntaxException {
        ScreenRules rules = shipped();
        Path root = Path.of(ShippedScreenRulesTest.class.getResource("/screens").toURI());

        assertThat(rules.problems()).isEmpty();
        assertThat(rules.rules()).extracting(ScreenRule::agent).containsAll(REQUIRED);
        for (ScreenRule rule : rules.rules()) {
            assertThat(rule.source()).as(rule.agent()).isNotBlank();
            for (ScreenState state : ScreenState.values()) {
                if (!rule.patterns(state).isEmpty()) {
                    assertThat(root.resolve(rule.agent()).resolve(state.wireName() + ".txt"))
                            .as(rule.agent() + " " + state).exists();
                }
            }
        }
    }

    @Test
    void aShellScreenReadsAsNoState() {
        List<String> shell = List.of("$ ls", "README.md  pom.xml  src", "$ git status", "On branch main",
                "nothing to commit, working tree clean", "$ ");

        for (ScreenRule rule : shipped().rules()) {
            assertThat(ScreenReader.read(rule, shell)).as(rule.agent()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} from {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            claude-code  | claude   | claude --resume
            claude-code  | node     | node /usr/lib/node_modules/@anthropic-ai/claude-code/cli.js
            codex        | codex    | /usr/local/bin/codex
            gemini       | node     | node /home/u/.npm/bin/gemini
            gemini       | node     | node /usr/lib/node_modules/@google/gemini-cli/dist/index.js
            cursor-agent | cursor-agent | cursor-agent
            copilot      | node     | node /usr/lib/node_modules/@github/copilot/index.js
            opencode     | opencode | opencode
            amp          | node     | node /usr/lib/node_modules/@sourcegraph/amp/dist/main.js
            goose        | goose    | goose session
            qwen-code    | node     | node /usr/lib/node_modules/@qwen-code/qwen-code/cli.js
            aider        | aider    | /usr/bin/python3 /home/u/.local/bin/aider --model sonnet
            aider        | python3  | python3 -m aider
            pi           | node     | node /usr/lib/node_modules/@mariozechner/pi-coding-agent/dist/cli.js
            droid        | droid    | droid
            """)
    void eachRequiredAgentIsRecognisedFromItsProcess(String agent, String comm, String argv) {
        List<String> words = Arrays.asList(argv.split(" "));

        assertThat(shipped().programs()).filteredOn(program -> program.recognise(comm, words).isPresent())
                .extracting(program -> program.agent()).containsExactly(agent);
    }
}
