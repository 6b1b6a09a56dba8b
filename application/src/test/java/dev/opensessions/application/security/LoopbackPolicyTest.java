package dev.opensessions.application.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import static org.assertj.core.api.Assertions.assertThat;

class LoopbackPolicyTest {

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1:7391,      true",
            "localhost:7391,      true",
            "LOCALHOST:7391,      true",
            "[::1]:7391,          true",
            "127.0.0.1:7392,      false",
            "127.0.0.1,           false",
            "evil.example:7391,   false",
            "127.0.0.1.evil:7391, false",
            "[::1],               false",
            "0.0.0.0:7391,        false"})
    void hostMustBeLoopbackWithOurPort(String host, boolean allowed) {
        assertThat(LoopbackPolicy.allowsHost(host, 7391)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1:7391,        true",
            "http://localhost:7391,        true",
            "http://[::1]:7391,            true",
            "https://127.0.0.1:7391,       false",
            "http://127.0.0.1:8080,        false",
            "http://evil.example,          false",
            "http://evil.example:7391,     false",
            "null,                         false",
            "http://user@127.0.0.1:7391,   false",
            "http://127.0.0.1:7391/path,   false",
            "not a uri at all,             false"})
    void originMustBeOurOwnLoopbackOrigin(String origin, boolean allowed) {
        assertThat(LoopbackPolicy.allowsOrigin(origin, 7391)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void scriptsWithoutHostOrOriginAreAllowed(String value) {
        assertThat(LoopbackPolicy.allowsOrigin(value, 7391)).isTrue();
    }

    @Test
    void aMissingHostIsAllowedButAnEmptyOneIsNot() {
        assertThat(LoopbackPolicy.allowsHost(null, 7391)).isTrue();
        assertThat(LoopbackPolicy.allowsHost("", 7391)).isFalse();
        assertThat(LoopbackPolicy.allowsHost("   ", 7391)).isFalse();
        assertThat(LoopbackPolicy.allowsHost(":7391", 7391)).isFalse();
    }

    @Test
    void tokenMatchesOnlyItselfAndHidesInToString() {
        ControlToken token = new ControlToken("a".repeat(64));

        assertThat(token.matches("a".repeat(64))).isTrue();
        assertThat(token.matches("a".repeat(63))).isFalse();
        assertThat(token.matches(null)).isFalse();
        assertThat(token.matchesBearer("Bearer " + "a".repeat(64))).isTrue();
        assertThat(token.matchesBearer("Basic " + "a".repeat(64))).isFalse();
        assertThat(token.matchesBearer(null)).isFalse();
        assertThat(token.toString()).doesNotContain("aaaa");
    }
}
