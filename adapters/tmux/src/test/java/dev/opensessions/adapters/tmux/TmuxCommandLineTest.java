package dev.opensessions.adapters.tmux;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TmuxCommandLineTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            plain                   | "plain"
            with space              | "with space"
            it's                    | "it's"
            say "hi"                | "say \\"hi\\""
            a;b                     | "a;b"
            ends with;              | "ends with;"
            back\\slash             | "back\\\\slash"
            $HOME                   | "\\$HOME"
            ~                       | "\\~"
            ~root/x                 | "\\~root/x"
            #{session_name}         | "#{session_name}"
            {braces}                | "{braces}"
            %if                     | "%if"
            ünïcødé 😀              | "ünïcødé 😀"
            """)
    void quotesEveryHostileCharacterForTheTmuxParser(String argument, String quoted) {
        assertThat(TmuxCommandLine.quote(argument)).isEqualTo(quoted);
    }

    @Test
    void controlCharactersTravelAsOctalEscapes() {
        assertThat(TmuxCommandLine.quote("a\tb\u001fc\u007f")).isEqualTo("\"a\\011b\\037c\\177\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"line\nbreak", "carriage\rreturn", "nul\u0000byte", "\n"})
    void refusesWhatWouldEndOrBreakTheControlLine(String argument) {
        assertThatThrownBy(() -> TmuxCommandLine.quote(argument)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void joinsQuotedWordsIntoOneLine() {
        assertThat(TmuxCommandLine.of(List.of("rename-session", "-t", "$3", "a b; kill-server")))
                .isEqualTo("\"rename-session\" \"-t\" \"\\$3\" \"a b; kill-server\"");
    }

    @Test
    void emptyCommandIsRefusedBecauseAnEmptyLineDetachesTheClient() {
        assertThatThrownBy(() -> TmuxCommandLine.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void literalDoublesHashesSoFormatExpansionGivesThemBack() {
        assertThat(TmuxCommandLine.literal("#{session_name} ##x")).isEqualTo("##{session_name} ####x");
        assertThat(TmuxCommandLine.literal("50%off %H")).isEqualTo("50%off %H");
    }

    @Test
    void aMessageDoublesPercentSignsTooSoStrftimeGivesThemBack() {
        assertThat(TmuxCommandLine.message("50%off #1 %H %%")).isEqualTo("50%%off ##1 %%H %%%%");
    }
}
