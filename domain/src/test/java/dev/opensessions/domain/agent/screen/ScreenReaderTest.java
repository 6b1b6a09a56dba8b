package dev.opensessions.domain.agent.screen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScreenReaderTest {

    private static final ScreenRule RULE = rule(5, Map.of(
            ScreenState.WAITING, List.of(Pattern.compile("Allow\\?")),
            ScreenState.WORKING, List.of(Pattern.compile("esc to interrupt")),
            ScreenState.IDLE, List.of(Pattern.compile("^> "))));

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource(delimiter = '|', textBlock = """
            'Allow? (y/n)'                          | WAITING
            'Thinking (esc to interrupt)'           | WORKING
            '> '                                    | IDLE
            'Thinking (esc to interrupt);Allow?'    | WAITING
            '> ;Thinking (esc to interrupt)'        | WORKING
            """)
    void theStrongestStateShownWins(String lines, ScreenState expected) {
        assertThat(ScreenReader.read(RULE, List.of(lines.split(";"))))
                .map(ScreenReading::state).contains(expected);
    }

    @Test
    void theMatchedLinesAreKeptTopToBottom() {
        ScreenReading reading = ScreenReader.read(RULE, List.of("output", "Allow? first", "Allow? second", "> "))
                .orElseThrow();

        assertThat(reading.matched()).containsExactly("Allow? first", "Allow? second");
        assertThat(reading.describe()).isEqualTo("tester waiting: \"Allow? first\" | \"Allow? second\"");
    }

    @Test
    void onlyTheLastLinesOfTheRegionCountOnceTheBlankLinesBelowAreDropped() {
        List<String> screen = List.of("Allow? an old prompt scrolled up", "1", "2", "3", "4", "> ", "", "  ", "");

        assertThat(ScreenReader.read(RULE, screen)).map(ScreenReading::state).contains(ScreenState.IDLE);
        assertThat(ScreenReader.region(screen, 5)).containsExactly("1", "2", "3", "4", "> ");
    }

    @Test
    void aScreenNoPatternMatchesReadsNothing() {
        assertThat(ScreenReader.read(RULE, List.of("$ ls", "README.md"))).isEqualTo(Optional.empty());
        assertThat(ScreenReader.read(RULE, List.of())).isEmpty();
    }

    @Test
    void aStateWithoutPatternsIsNeverRead() {
        ScreenRule noWaiting = rule(5, Map.of(ScreenState.IDLE, List.of(Pattern.compile("^> "))));

        assertThat(ScreenReader.read(noWaiting, List.of("Allow?", "> "))).map(ScreenReading::state)
                .contains(ScreenState.IDLE);
    }

    @Test
    void aRuleWithoutPatternsOrWithAnOddRegionIsRefused() {
        assertThatThrownBy(() -> rule(5, Map.of())).hasMessageContaining("no screen pattern");
        assertThatThrownBy(() -> rule(0, Map.of(ScreenState.IDLE, List.of(Pattern.compile(">")))))
                .hasMessageContaining("lines of tester");
    }

    @Test
    void statesShowAsAgentStatuses() {
        assertThat(ScreenState.WAITING.status().wireName()).isEqualTo("waiting");
        assertThat(ScreenState.WORKING.status().wireName()).isEqualTo("running");
        assertThat(ScreenState.IDLE.status().wireName()).isEqualTo("idle");
    }

    private static ScreenRule rule(int lines, Map<ScreenState, List<Pattern>> patterns) {
        return new ScreenRule("tester", "Tester", "written for this test",
                new AgentProgram("tester", Set.of("tester"), Set.of(), List.of()), lines, patterns);
    }
}
