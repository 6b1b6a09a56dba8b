package dev.opensessions.adapters.tmux.ports;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.opensessions.domain.agent.screen.AgentProgram;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** How a process's name and arguments tell which agent it is. */
class AgentProgramsTest {

    private static final Set<String> AGENTS = Set.of("claude-code", "codex", "pi", "opencode", "kilo", "amp",
            "droid", "my-agent");

    /** comm; argv separated by spaces; the agent and name recognised, or -. */
    @ParameterizedTest(name = "{0} [{1}] -> {2}")
    @CsvSource({
            "claude, /home/me/.local/bin/claude, claude-code claude",
            "MainThread, claude --resume, claude-code claude",
            "node, node /usr/lib/node_modules/@anthropic-ai/claude-code/cli.js, claude-code claude",
            "node, /usr/bin/node /home/me/.npm-global/bin/codex exec, codex codex",
            "bun, bun /opt/pi-coding-agent/dist/cli.js, pi pi",
            "codex, /opt/codex/codex, codex codex",
            "kilocode, kilocode, kilo kilocode",
            "droid, droid, droid droid",
            "my-agent, ./my-agent, my-agent my-agent",
            "node, node server.js, -",
            "bash, -bash, -",
            "sleep, sleep 600, -",
            "python3, python3 claude.py, -",
    })
    void aProcessIsTheAgentItsProgramIsNamedAfter(String comm, String argv, String expected) {
        String found = AgentPrograms.recognise(comm, Arrays.asList(argv.split(" ")), AGENTS)
                .map(r -> r.agent() + " " + r.name()).orElse("-");

        assertThat(found).isEqualTo(expected);
    }

    /** comm; argv; the agent and name recognised with the screen rules' programs, or -. */
    @ParameterizedTest(name = "{0} [{1}] -> {2}")
    @CsvSource({
            "gemini, gemini, gemini gemini",
            "node, node /usr/lib/node_modules/@google/gemini-cli/dist/index.js, gemini gemini",
            "npx, npx @google/gemini-cli, gemini gemini",
            "aider, /usr/bin/python3 /home/me/.local/bin/aider, aider aider",
            "python3, python3 -m aider, aider aider",
            "claude, claude, claude-code claude",
            "codex, codex, codex codex",
            "not-codex, not-codex, -",
            "node, node server.js, -",
    })
    void theScreenRulesProgramsAddAgentsTheTableDoesNotList(String comm, String argv, String expected) {
        List<AgentProgram> rules = List.of(
                new AgentProgram("gemini", Set.of("gemini"), Set.of("/@google/gemini-cli/"),
                        List.of(Pattern.compile("^@google/gemini-cli$"))),
                new AgentProgram("aider", Set.of("aider"), Set.of(), List.of(Pattern.compile("^aider$"))),
                new AgentProgram("codex", Set.of("not-codex"), Set.of(), List.of()));

        String found = AgentPrograms.recognise(comm, Arrays.asList(argv.split(" ")),
                        Set.of("gemini", "aider", "claude-code", "codex"), rules)
                .map(r -> r.agent() + " " + r.name()).orElse("-");

        assertThat(found).isEqualTo(expected);
    }
}
