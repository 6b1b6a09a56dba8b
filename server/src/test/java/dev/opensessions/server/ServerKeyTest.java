package dev.opensessions.server;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ServerKeyTest {

    static Stream<Arguments> environments() {
        int workKey = ServerKey.hash("/tmp/tmux-1000/work");
        return Stream.of(
                Arguments.of("no tmux", env(), "default", 7391),
                Arguments.of("default socket", env("TMUX", "/tmp/tmux-1000/default,123,0"), "default", 7391),
                Arguments.of("named socket", env("TMUX", "/tmp/tmux-1000/work,99,1"), Integer.toString(workKey),
                        22000 + workKey),
                Arguments.of("explicit key", env("OPENSESSIONS_SERVER_KEY", "42", "TMUX", "/tmp/tmux-1000/work,1,0"),
                        "42", 22042),
                Arguments.of("explicit key with zeros", env("OPENSESSIONS_SERVER_KEY", "007"), "7", 22007),
                Arguments.of("invalid key falls back", env("OPENSESSIONS_SERVER_KEY", "x1",
                        "TMUX", "/tmp/tmux-1000/work,1,0"), "default", 7391),
                Arguments.of("port override", env("OPENSESSIONS_PORT", "8123", "TMUX", "/tmp/tmux-1000/work,1,0"),
                        Integer.toString(workKey), 8123),
                Arguments.of("port out of range ignored", env("OPENSESSIONS_PORT", "70000"), "default", 7391),
                Arguments.of("port not decimal ignored", env("OPENSESSIONS_PORT", "80a"), "default", 7391),
                Arguments.of("empty TMUX", env("TMUX", ""), "default", 7391));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void derivesLabelAndPortLikeTheReference(String name, Map<String, String> env, String label, int port) {
        ServerKey key = ServerKey.fromEnvironment(env);

        assertThat(key.label()).isEqualTo(label);
        assertThat(key.port()).isEqualTo(port);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("hashes")
    void hashesTheSocketPathAsTheReferenceDoes(String path, int expected) {
        assertThat(ServerKey.hash(path)).isEqualTo(expected);
    }

    static Stream<Arguments> hashes() {
        // Worked by hand from the address rule (docs/reference/server.md#port): sum of code point * (1-based position),
        // mod 20000.
        return Stream.of(
                Arguments.of("", 0),
                Arguments.of("a", 97),
                Arguments.of("ab", 97 + 98 * 2),
                Arguments.of("/tmp/tmux-0/default", referenceHash("/tmp/tmux-0/default")),
                Arguments.of("/tmp/ü", 47 + 116 * 2 + 109 * 3 + 112 * 4 + 47 * 5 + 0xfc * 6));
    }

    @org.junit.jupiter.api.Test
    void theDefaultSocketStillHasAKeyButUsesTheDefaultPort() {
        ServerKey key = ServerKey.fromEnvironment(env("TMUX", "/tmp/tmux-0/default,1,0"));

        assertThat(key.key()).isEqualTo(OptionalInt.of(referenceHash("/tmp/tmux-0/default")));
        assertThat(key.port()).isEqualTo(ServerKey.DEFAULT_PORT);
    }

    private static int referenceHash(String path) {
        long key = 0;
        for (int i = 0; i < path.length(); i++) {
            key = (key + (long) path.charAt(i) * (i + 1)) % 20000;
        }
        return (int) key;
    }

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }
}
