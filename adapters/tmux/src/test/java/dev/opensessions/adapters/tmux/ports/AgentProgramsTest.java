package dev.opensessions.adapters.tmux.ports;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Set;

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
}
