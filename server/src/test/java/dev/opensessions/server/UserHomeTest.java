package dev.opensessions.server;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UserHomeTest {

    @Test
    void theUsersHomeIsHomeAsTheAgentsReadItAndTheAccountsOnlyWhenUnset() {
        Map<String, String> env = new HashMap<>(Map.of("HOME", "/tmp/redirected home"));
        assertThat(ServerPaths.userHome(env)).isEqualTo("/tmp/redirected home");

        env.put("HOME", " ");
        assertThat(ServerPaths.userHome(env)).isEqualTo(System.getProperty("user.home"));

        env.remove("HOME");
        assertThat(ServerPaths.userHome(env)).isEqualTo(System.getProperty("user.home"));
    }
}
