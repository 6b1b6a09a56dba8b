package dev.opensessions.adapters.agents.pi;

import dev.opensessions.adapters.agents.watch.ThreadState;
import dev.opensessions.domain.agent.AgentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;

import static dev.opensessions.adapters.agents.watch.Transcripts.state;
import static org.assertj.core.api.Assertions.assertThat;

class PiParserTest {

    private static final String SITE = "pi/--home-carol-site--/";

    @Test
    void aLongSessionEndsDoneWithItsSessionInfoName() throws IOException {
        ThreadState state = state(PiParser.start(),
                "pi/--home-carol-notes--/2025-11-20T11-00-04-000Z_b71f0c2e-6d3a-4f58-9e21-7c4d8a0b5e63.jsonl");

        assertThat(state.status()).isEqualTo(AgentStatus.DONE);
        assertThat(state.threadId()).isEqualTo("b71f0c2e-6d3a-4f58-9e21-7c4d8a0b5e63");
        assertThat(state.threadName()).isEqualTo("Wochenrückblick KW47");
        assertThat(state.projectDir()).isEqualTo("/home/carol/notes");
        assertThat(state.lastUserPrompt()).startsWith("Sortiere meine Notizen nach Datum");
        assertThat(state.endsInToolCall()).isFalse();
        assertThat(state.evidence().getFirst()).contains("assistant stopReason=stop -> done");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2025-11-20T11-10-00-000Z_c0ffee11-2222-4333-8444-555566667777.jsonl, interrupted",
            "2025-11-20T11-20-00-000Z_d00d1e55-aaaa-4bbb-8ccc-dddddddddddd.jsonl, running",
            "2025-11-20T11-30-00-000Z_e1e1e1e1-0000-4000-8000-000000000001.jsonl, waiting",
            "2025-11-20T11-31-00-000Z_e2e2e2e2-0000-4000-8000-000000000002.jsonl, error",
    })
    void theLastMessageDecides(String file, String status) throws IOException {
        ThreadState state = state(PiParser.start(), SITE + file);

        assertThat(state.status().wireName()).isEqualTo(status);
        assertThat(state.projectDir()).isEqualTo("/home/carol/site");
        assertThat(state.endsInToolCall()).isFalse();
    }

    @Test
    void withoutSessionInfoTheFirstPromptNamesTheThread() throws IOException {
        ThreadState state = state(PiParser.start(), SITE + "2025-11-20T11-20-00-000Z_d00d1e55-aaaa-4bbb-8ccc-dddddddddddd.jsonl");

        assertThat(state.threadName()).isEqualTo("why is the build red?");
        assertThat(state.evidence()).containsExactly("line 4: toolResult read -> running");
    }
}
