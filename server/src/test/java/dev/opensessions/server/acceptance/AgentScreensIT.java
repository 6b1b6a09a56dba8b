package dev.opensessions.server.acceptance;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent that writes nothing the server reads, seen only on its screen: a stand-in program named like Gemini
 * CLI (so its process is recognised by the shipped rule) draws a permission prompt in a real pane, then its
 * working line, then its input prompt, and the sidebar of a real attached client follows. The pane's output
 * reaches the server through pipe-pane and the real copier (bin/opensessions-pipe), whose pipe is closed when
 * the agent leaves. The row is keyed by the pane and goes when the program exits. Latency is measured by
 * bench/screen.sh, not here.
 */
class AgentScreensIT extends AcceptanceTest {

    /** Draws the screen named by each line it reads; bash builtins only, so it stays the pane's one process. */
    static final String STAND_IN = """
            #!/bin/bash
            draw() {
              printf '\\033[H\\033[2J'
              case "$1" in
                ask) printf '%s\\n' ' ╭──────────────────────────────────────╮' \\
                       ' │ Shell  rm -rf build                   │' ' │ Allow execution of: rm?              │' \\
                       ' │ ● 1. Yes, allow once                  │' ' │   2. No (esc)                         │' \\
                       ' ╰──────────────────────────────────────╯' ' Waiting for user confirmation...' ;;
                work) printf '%s\\n' ' ⠋ Refactoring the parser (esc to cancel, 4s)' '' ' > ' ;;
                idle) printf '%s\\n' '' ' > Type your message or @path/to/file' ;;
                kimi-ask) printf '%s\n' 'kimi> edit main.py' 'Run rm -rf build? Approve? [y/n]' ;;
                quit) exit 0 ;;
              esac
            }
            draw idle
            while IFS= read -r what; do draw "$what"; done
            """;

    /** A rule for an agent nothing ships, as a user writes it (the format is in PLUGINS.md). */
    private static final String KIMI_RULE = """
            {
              "agent": "kimi",
              "name": "Kimi CLI",
              "source": "written for this test",
              "process": {"names": ["kimi"]},
              "screen": {"lines": 10, "waiting": ["Approve\\\\? \\\\[y/n\\\\]"], "idle": ["^kimi> "]}
            }
            """;

    @Test
    void aPermissionPromptShowsWaitingAndTheWorkingLineShowsWorking() throws Exception {
        String alpha = session("alpha");
        attach("alpha");
        String sidebar = startFrom(alpha);
        // Typed into a shell, as a user starts it: the pane stays when the program exits.
        String agent = tmux.newSession("gem", folder("gem"));
        tmux.run("send-keys", "-t", agent, "-l", "'" + standIn() + "'");
        tmux.run("send-keys", "-t", agent, "Enter");

        Eventually.until(() -> debugAgents().contains("\"key\":\"gemini:pane:" + agent + "\""),
                "the idle agent gets a row of its own, keyed by its pane", opensessions::debugAgents);
        // Its output reaches the server through pipe-pane and bin/opensessions-pipe.
        Eventually.until(() -> piped(agent), "the agent pane is piped", opensessions::debugAgents);

        draw(agent, "ask");
        awaitScreen(sidebar, s -> s.signal("gem").equals(Optional.of("◉")), "the permission prompt shows waiting");
        String debug = debugAgents();
        assertThat(debug).contains("\"key\":\"gemini:pane:" + agent + "\"").contains("\"decidedBy\":\"screen\"")
                .contains("Waiting for user confirmation...").contains("rule gemini");

        draw(agent, "work");
        awaitScreen(sidebar, s -> s.signal("gem").filter(g -> !g.equals("◉") && !g.equals("○") && !g.equals("●"))
                .isPresent(), "the working line shows working");
        assertThat(opensessions.debugAgents()).contains("(esc to cancel, 4s)");

        draw(agent, "idle");
        awaitScreen(sidebar, s -> s.signal("gem").equals(Optional.of("●")), "back at its prompt, the turn is done");

        draw(agent, "quit");
        Eventually.until(() -> !opensessions.debugAgents().contains("gemini:pane"),
                "the row goes with the agent's process", opensessions::debugAgents);
        awaitScreen(sidebar, s -> s.signal("gem").filter(g -> !g.equals("●")).isPresent(),
                "the sidebar no longer shows the agent");
        Eventually.until(() -> !piped(agent), "the pipe closed when the agent left its pane",
                opensessions::debugAgents);
    }

    @Test
    void aUserRuleForANewAgentDroppedInTheConfigFolderWorksWithoutARestart() throws Exception {
        String alpha = session("alpha");
        attach("alpha");
        String sidebar = startFrom(alpha);
        Path folder = Files.createDirectories(opensessions.configFile().getParent().resolve("agents"));
        Files.writeString(folder.resolve("kimi.json"), KIMI_RULE);

        String agent = tmux.newSession("kim", folder("kim"));
        tmux.run("send-keys", "-t", agent, "-l", "'" + standIn("kimi") + "'");
        tmux.run("send-keys", "-t", agent, "Enter");
        Eventually.until(() -> debugAgents().contains("\"key\":\"kimi:pane:" + agent + "\""),
                "the new agent recognised by the user's rule", opensessions::debugAgents);

        draw(agent, "kimi-ask");

        awaitScreen(sidebar, s -> s.signal("kim").equals(Optional.of("◉")), "the user's rule reads waiting");
        assertThat(debugAgents()).contains("Run rm -rf build? Approve? [y/n]").contains("rule kimi");
    }

    /** {@code /debug/agents} with no blanks around the colons of its pretty-printed JSON. */
    private String debugAgents() {
        return opensessions.debugAgents().replaceAll("\"\\s*:\\s*", "\":");
    }

    private boolean piped(String pane) {
        return tmux.run("display-message", "-p", "-t", pane, "#{pane_pipe}").strip().equals("1");
    }

    /** The stand-in, under the name the shipped Gemini CLI rule recognises. */
    private Path standIn() throws IOException {
        return standIn("gemini");
    }

    private Path standIn(String name) throws IOException {
        Path bin = Files.createDirectories(home.resolve("agents-bin"));
        Path script = bin.resolve(name);
        Files.writeString(script, STAND_IN);
        assertThat(script.toFile().setExecutable(true)).isTrue();
        return script;
    }

    private void draw(String pane, String screen) {
        tmux.run("send-keys", "-t", pane, "-l", screen);
        tmux.run("send-keys", "-t", pane, "Enter");
    }
}
