package dev.opensessions.adapters.agents.opencode;

import dev.opensessions.application.port.out.AgentObservation;
import dev.opensessions.domain.agent.AgentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.stream.Stream;

import static dev.opensessions.adapters.agents.opencode.OpenCodeMessages.assistant;
import static dev.opensessions.adapters.agents.opencode.OpenCodeMessages.user;
import static org.assertj.core.api.Assertions.assertThat;

class OpenCodeSessionParserTest {

    private static final long T = 1_767_261_700_000L;
    private static final String ABORTED = "{\"name\":\"MessageAbortedError\",\"data\":{\"message\":\"Aborted\"}}";
    private static final String API_ERROR = "{\"name\":\"APIError\",\"data\":{\"message\":\"overloaded\","
            + "\"statusCode\":529,\"isRetryable\":true}}";

    private final OpenCodeSessionParser parser = new OpenCodeSessionParser("opencode");

    static Stream<Arguments> lastMessages() {
        return Stream.of(
                Arguments.of(assistant("m", "s", T, "tool-calls", T + 5, null), AgentStatus.RUNNING, true),
                Arguments.of(assistant("m", "s", T, "stop", T + 5, null), AgentStatus.DONE, false),
                Arguments.of(assistant("m", "s", T, "error", T + 5, null), AgentStatus.ERROR, false),
                Arguments.of(assistant("m", "s", T, "length", T + 5, null), AgentStatus.DONE, false),
                Arguments.of(assistant("m", "s", T, null, T + 5, null), AgentStatus.DONE, false),
                Arguments.of(assistant("m", "s", T, null, null, null), AgentStatus.RUNNING, false),
                Arguments.of(assistant("m", "s", T, null, T + 5, ABORTED), AgentStatus.INTERRUPTED, false),
                Arguments.of(assistant("m", "s", T, "stop", T + 5, API_ERROR), AgentStatus.ERROR, false),
                Arguments.of(user("m", "s", T), AgentStatus.RUNNING, false));
    }

    @ParameterizedTest
    @MethodSource("lastMessages")
    void lastMessageDecidesTheStatus(String message, AgentStatus status, boolean toolCall) {
        AgentObservation thread = parser.parse(row(message, null), "/db").orElseThrow();

        assertThat(thread.status()).isEqualTo(status);
        assertThat(thread.endsInToolCall()).isEqualTo(toolCall);
        assertThat(thread.evidence()).hasSize(1);
    }

    @Test
    void readsTitleFolderActivityAndOrigin() {
        AgentObservation thread = parser.parse(row(assistant("m", "s", T, "stop", T, null), null), "/db/opencode.db")
                .orElseThrow();

        assertThat(thread.agent()).isEqualTo("opencode");
        assertThat(thread.threadId()).isEqualTo("ses_4c1f");
        assertThat(thread.threadName()).isEqualTo("Réparer le rate limiter 🚦");
        assertThat(thread.projectDir()).isEqualTo("/home/dev/api-gateway");
        assertThat(thread.lastActivity()).isEqualTo(Instant.ofEpochMilli(T + 900));
        assertThat(thread.origin()).isEqualTo("/db/opencode.db#session=ses_4c1f");
        assertThat(thread.evidence()).containsExactly("assistant finish=stop completed");
    }

    @Test
    void promptComesFromTextPromptTextOrDataText() {
        String done = assistant("m", "s", T, "stop", T, null);

        assertThat(parser.parse(row(done, "{\"type\":\"text\",\"text\":\" corrige le test \"}"), "d").orElseThrow()
                .lastUserPrompt()).isEqualTo("corrige le test");
        assertThat(parser.parse(row(done, "{\"prompt\":{\"text\":\"ajoute un cache\"}}"), "d").orElseThrow()
                .lastUserPrompt()).isEqualTo("ajoute un cache");
        assertThat(parser.parse(row(done, "{\"data\":{\"text\":\"lance go vet\"}}"), "d").orElseThrow()
                .lastUserPrompt()).isEqualTo("lance go vet");
        assertThat(parser.parse(row(done, "{\"type\":\"text\",\"text\":\"  \"}"), "d").orElseThrow()
                .lastUserPrompt()).isNull();
        assertThat(parser.parse(row(done, "{\"text\":"), "d").orElseThrow().lastUserPrompt()).isNull();
    }

    @Test
    void sessionWithoutReadableMessageIsNotReported() {
        assertThat(parser.parse(row(null, null), "d")).isEmpty();
        assertThat(parser.parse(row("{\"role\":\"assist", null), "d")).isEmpty();
        assertThat(parser.parse(row("[]", null), "d")).isEmpty();
    }

    @Test
    void blankTitleAndFolderAreUnknown() {
        OpenCodeSessionRow row = new OpenCodeSessionRow("ses_1", "", " ", T, user("m", "s", T), null);

        AgentObservation thread = parser.parse(row, "d").orElseThrow();

        assertThat(thread.threadName()).isNull();
        assertThat(thread.projectDir()).isNull();
    }

    private static OpenCodeSessionRow row(String message, String prompt) {
        return new OpenCodeSessionRow("ses_4c1f", "Réparer le rate limiter 🚦", "/home/dev/api-gateway", T + 900,
                message, prompt);
    }
}
