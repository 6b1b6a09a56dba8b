package dev.opensessions.server;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServerPathsTest {

    @Test
    void followsTheXdgFoldersWhenSet() {
        ServerPaths paths = ServerPaths.fromEnvironment(Map.of("HOME", "/home/ada", "XDG_RUNTIME_DIR", "/run/user/1000",
                "XDG_STATE_HOME", "/var/state", "XDG_CONFIG_HOME", "/etc/ada"), "12345", 1000);

        assertThat(paths.runtimeDir()).isEqualTo(Path.of("/run/user/1000/opensessions-1000/12345"));
        assertThat(paths.database()).isEqualTo(Path.of("/var/state/opensessions/opensessions.db"));
        assertThat(paths.configDir()).isEqualTo(Path.of("/etc/ada/opensessions"));
    }

    @Test
    void fallsBackToTmpAndTheHomeFolder() {
        ServerPaths paths = ServerPaths.fromEnvironment(Map.of("HOME", "/home/ada", "XDG_STATE_HOME", " "),
                "default", 501);

        assertThat(paths.runtimeDir()).isEqualTo(Path.of("/tmp/opensessions-501/default"));
        assertThat(paths.database()).isEqualTo(Path.of("/home/ada/.local/state/opensessions/opensessions.db"));
        assertThat(paths.configDir()).isEqualTo(Path.of("/home/ada/.config/opensessions"));
    }
}
