package dev.opensessions.domain.agent;

import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which living process keeps which thread open. */
class AgentProcessesTest {

    private static final AgentProcesses LIVING = AgentProcesses.of(List.of(
            new AgentProcess("claude-code", 10, "claude", PaneId.of("%3"), SessionName.of("api"), "/w/api"),
            new AgentProcess("codex", 20, "codex", PaneId.of("%5"), SessionName.of("web"), "/w"),
            new AgentProcess("pi", 30, "pi", PaneId.of("%7"), null, "/")));

    /** A thread: agent, pane, session, project directory (- for unknown); the pid that keeps it alive, or -. */
    @ParameterizedTest(name = "{0} pane {1} session {2} dir {3} -> {4}")
    @CsvSource({
            "claude-code, %3, -, -, 10",
            "claude-code, -, api, -, 10",
            "claude-code, -, -, /w/api, 10",
            "claude-code, -, -, /w/api/sub, 10",
            "claude-code, -, -, /w/apix, -",
            "claude-code, -, -, /w, -",
            "claude-code, %9, web, /elsewhere, -",
            "codex, %3, api, /w/api, 20",
            "codex, -, -, /w/web, 20",
            "codex, -, -, /x, -",
            "amp, %3, api, /w/api, -",
            // The root is above every directory: a process there says nothing about any project.
            "pi, -, -, /w/api, -",
            "pi, %7, -, -, 30",
    })
    void aThreadIsKeptOpenByItsAgentInItsPaneItsSessionOrAboveItsDirectory(String agent, String pane, String session,
                                                                           String dir, String pid) {
        ProcessLook look = LIVING.lookFor(agent, pane.equals("-") ? null : PaneId.of(pane),
                session.equals("-") ? null : SessionName.of(session), dir.equals("-") ? null : dir);

        assertThat(look.known()).isTrue();
        assertThat(look.alive() ? String.valueOf(look.process().pid()) : "-").isEqualTo(pid);
    }

    @Test
    void thePaneMatchWinsOverTheSessionMatch() {
        AgentProcesses two = AgentProcesses.of(List.of(
                new AgentProcess("claude-code", 1, "claude", PaneId.of("%1"), SessionName.of("api"), "/w/api"),
                new AgentProcess("claude-code", 2, "claude", PaneId.of("%2"), SessionName.of("api"), "/w/api")));

        assertThat(two.lookFor("claude-code", PaneId.of("%2"), SessionName.of("api"), "/w/api").process().pid())
                .isEqualTo(2);
    }

    @Test
    void aMachineThatCannotTellKnowsNothing() {
        ProcessLook look = AgentProcesses.unknown().lookFor("claude-code", PaneId.of("%3"), null, "/w/api");

        assertThat(look.known()).isFalse();
        assertThat(look.alive()).isFalse();
    }
}
