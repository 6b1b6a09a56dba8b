package dev.opensessions.domain.agent.screen;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class AgentProgramTest {

    private static final AgentProgram GEMINI = new AgentProgram("gemini", Set.of("gemini"),
            Set.of("/@google/gemini-cli/"), List.of(Pattern.compile("^@google/gemini-cli(@.*)?$")));

    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            gemini  | gemini                                                     | gemini
            node    | /usr/bin/gemini                                            | gemini
            node    | node /usr/lib/node_modules/@google/gemini-cli/dist/index.js | gemini
            npx     | npx @google/gemini-cli                                      | gemini
            node    | node /srv/app/server.js                                     | -
            bash    | bash -c gemini-helper                                       | -
            vim     | vim /usr/lib/node_modules/@google/gemini-cli/README.md      | -
            """)
    void recognisesItsProgramByNameScriptOrArgument(String comm, String argv, String expected) {
        assertThat(GEMINI.recognise(comm, List.of(argv.split(" ")))).isEqualTo(java.util.Optional.ofNullable(expected));
    }
}
