package dev.opensessions.adapters.agents.amp;

import dev.opensessions.application.port.out.AgentObservation;
import dev.opensessions.domain.agent.AgentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AmpThreadParserTest {

    private static final Instant MODIFIED = Instant.parse("2026-01-01T10:05:00Z");

    private final AmpThreadParser parser = new AmpThreadParser();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "T-tool-in-progress.json, tool-running, false",
            "T-awaiting-approval.json, running, true",
            "T-done.json, done, false",
            "T-streaming.json, running, false",
            "T-cancelled.json, interrupted, false",
            "T-error.json, error, false",
            "T-max-tokens.json, error, false",
            "T-new-prompt.json, running, false",
            "T-empty.json, idle, false"})
    void lastMessageDecidesTheStatus(String fixture, String status, boolean toolCall) throws IOException {
        AgentObservation thread = parse(fixture).orElseThrow();

        assertThat(thread.status()).isEqualTo(AgentStatus.fromWire(status).orElseThrow());
        assertThat(thread.endsInToolCall()).isEqualTo(toolCall);
        assertThat(thread.evidence()).singleElement().asString().endsWith("-> " + status);
    }

    @Test
    void readsIdTitleProjectFolderAndLastPrompt() throws IOException {
        AgentObservation thread = parse("T-tool-in-progress.json").orElseThrow();

        assertThat(thread.agent()).isEqualTo("amp");
        assertThat(thread.threadId()).isEqualTo("T-3f2a9c1e-7b4d-4e8a-9c1f-2d6b8e0a4c55");
        assertThat(thread.threadName()).isEqualTo("Cache de rendu ✨ invalidé trop souvent");
        assertThat(thread.projectDir()).isEqualTo("/home/léa/projets/rendu web");
        assertThat(thread.lastUserPrompt()).isEqualTo("vas-y, et lance les tests après");
        assertThat(thread.lastActivity()).isEqualTo(MODIFIED);
        assertThat(thread.paneId()).isNull();
        assertThat(thread.origin()).isEqualTo("/threads/T-tool-in-progress.json");
        assertThat(thread.evidence()).containsExactly("message 10 user [tool_result] -> tool-running");
    }

    @Test
    void promptSkipsNonTextBlocksOfTheLastUserMessage() throws IOException {
        assertThat(parse("T-new-prompt.json").orElseThrow().lastUserPrompt())
                .isEqualTo("vas-y, et lance les tests après");
    }

    @Test
    void evidenceNamesTheAssistantState() throws IOException {
        assertThat(parse("T-awaiting-approval.json").orElseThrow().evidence())
                .containsExactly("message 9 assistant state=complete stopReason=tool_use -> running");
    }

    @Test
    void threadWithoutTitleOrFolderHasNeither() throws IOException {
        AgentObservation empty = parse("T-empty.json").orElseThrow();

        assertThat(empty.threadName()).isNull();
        assertThat(empty.projectDir()).isNull();
        assertThat(empty.lastUserPrompt()).isNull();
    }

    @Test
    void halfWrittenDocumentIsNoThreadYet() throws IOException {
        assertThat(parse("T-half-written.json")).isEmpty();
    }

    @Test
    void documentWithoutIdOrNotAnObjectIsNoThread() {
        assertThat(parser.parse("{\"title\":\"x\",\"messages\":[]}", MODIFIED, "f")).isEmpty();
        assertThat(parser.parse("[1,2]", MODIFIED, "f")).isEmpty();
        assertThat(parser.parse("", MODIFIED, "f")).isEmpty();
    }

    @Test
    void remoteWorkspaceUriGivesNoProjectFolder() {
        String doc = "{\"id\":\"T-r\",\"messages\":[],\"env\":{\"initial\":{\"trees\":[{\"uri\":\"https://x/y\"}]}}}";

        assertThat(parser.parse(doc, MODIFIED, "f").orElseThrow().projectDir()).isNull();
    }

    private Optional<AgentObservation> parse(String fixture) throws IOException {
        return parser.parse(fixture(fixture), MODIFIED, "/threads/" + fixture);
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = AmpThreadParserTest.class.getResourceAsStream("/fixtures/amp/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
