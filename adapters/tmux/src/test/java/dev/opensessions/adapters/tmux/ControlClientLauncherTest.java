package dev.opensessions.adapters.tmux;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ControlClientLauncherTest {

    private static final List<String> CLIENT = List.of("tmux", "-N", "-S", "/tmp/s", "-C", "attach-session");

    @Test
    void withSetprivTheClientGetsTermWhenItsParentDies() {
        assertThat(ControlClientLauncher.withParentDeathSignal(CLIENT, Optional.of(Path.of("/usr/bin/setpriv"))))
                .containsExactly("/usr/bin/setpriv", "--pdeathsig", "TERM", "tmux", "-N", "-S", "/tmp/s", "-C",
                        "attach-session");
    }

    @Test
    void withoutSetprivTheClientStartsAsItIs() {
        assertThat(ControlClientLauncher.withParentDeathSignal(CLIENT, Optional.empty())).isEqualTo(CLIENT);
    }

    @Test
    void aProcessStartedThereRunsTheCommandItself() throws Exception {
        // setpriv replaces itself with the program: the process is the program, not a wrapper around it.
        Process process = ControlClientLauncher.start(new ProcessBuilder("sh", "-c", "echo $$; exec cat"));
        try {
            String pid = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream())).readLine();
            assertThat(pid).isEqualTo(Long.toString(process.pid()));
        } finally {
            process.destroyForcibly().waitFor();
        }
    }
}
