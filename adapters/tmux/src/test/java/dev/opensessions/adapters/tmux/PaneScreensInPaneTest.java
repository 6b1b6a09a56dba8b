package dev.opensessions.adapters.tmux;

import dev.opensessions.application.testkit.Await;
import dev.opensessions.domain.agent.screen.AgentProgram;
import dev.opensessions.domain.agent.screen.ScreenReader;
import dev.opensessions.domain.agent.screen.ScreenReading;
import dev.opensessions.domain.agent.screen.ScreenRule;
import dev.opensessions.domain.agent.screen.ScreenState;
import dev.opensessions.domain.session.PaneId;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pane's screen read through the control connection of a real private tmux server: a stand-in agent draws
 * a permission prompt, then its working line, and the captured text reads as each with a screen rule.
 */
class PaneScreensInPaneTest extends InPaneTest {

    private static final ScreenRule RULE = new ScreenRule("stand-in", "Stand-in", "written for this test",
            new AgentProgram("stand-in", Set.of("stand-in"), Set.of(), List.of()), 10, Map.of(
            ScreenState.WAITING, List.of(Pattern.compile("Do you want to proceed\\?")),
            ScreenState.WORKING, List.of(Pattern.compile("esc to interrupt")),
            ScreenState.IDLE, List.of(Pattern.compile("^> "))));

    @Test
    void whatTheAgentDrawsIsReadThroughTheControlConnection() throws IOException {
        startTmux();
        Path next = dir.resolve("next");
        Path script = dir.resolve("stand-in");
        // Draws the screen named in the file `next` whenever that file changes; no tmux call of its own.
        Files.writeString(script, """
                #!/bin/sh
                last=
                while true; do
                  now=$(cat "$1" 2>/dev/null)
                  if [ "$now" != "$last" ]; then
                    clear
                    case "$now" in
                      ask) printf 'Bash command\\n  rm -rf build\\nDo you want to proceed?\\n> 1. Yes\\n  2. No\\n' ;;
                      work) printf '* Pondering (3s - esc to interrupt)\\n\\n> \\n' ;;
                    esac
                    last=$now
                  fi
                  sleep 0.1
                done
                """);
        script.toFile().setExecutable(true);
        Files.writeString(next, "ask");
        running.tmux.run("new-session", "-d", "-s", "agent", "-c", dir.toString(), script.toString(), next.toString());
        String pane = running.tmux.run("display-message", "-p", "-t", "=agent:", "#{pane_id}").getFirst();
        PaneId id = PaneId.of(pane);

        ScreenReading asking = awaitState(id, ScreenState.WAITING);
        assertThat(asking.matched()).containsExactly("Do you want to proceed?");

        Files.writeString(next, "work");
        ScreenReading working = awaitState(id, ScreenState.WORKING);
        assertThat(working.matched()).containsExactly("* Pondering (3s - esc to interrupt)");
    }

    @Test
    void aPaneThatIsGoneHasNoScreen() {
        startTmux();

        assertThat(running.adapter.paneScreens().visible(PaneId.of("%999"))).isEmpty();
    }

    private ScreenReading awaitState(PaneId pane, ScreenState state) {
        Await.until(() -> read(pane).map(ScreenReading::state).equals(Optional.of(state)), Duration.ofSeconds(20),
                "the pane reads " + state);
        return read(pane).orElseThrow();
    }

    private Optional<ScreenReading> read(PaneId pane) {
        return running.adapter.paneScreens().visible(pane).flatMap(lines -> ScreenReader.read(RULE, lines));
    }
}
