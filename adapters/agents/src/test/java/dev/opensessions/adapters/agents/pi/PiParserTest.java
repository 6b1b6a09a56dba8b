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

    /** Sessions with the older header (no version, no entry ids) that Pi wrote before its v3 format. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "a1000000-0000-4000-8000-000000000001, done,        assistant stopReason=stop -> done",
            "a1000000-0000-4000-8000-000000000002, interrupted, assistant stopReason=aborted -> interrupted",
            "a1000000-0000-4000-8000-000000000003, running,     assistant stopReason=toolUse -> running",
            "a1000000-0000-4000-8000-000000000004, error,       assistant stopReason=error -> error",
    })
    void version1SessionsReadTheSame(String id, String status, String decidedBy) throws IOException {
        ThreadState state = state(PiParser.start(),
                "pi/v1/--home-frank-kite--/2025-11-22T08-00-00-000Z_" + id + ".jsonl");

        assertThat(state.status().wireName()).isEqualTo(status);
        assertThat(state.threadId()).isEqualTo(id);
        assertThat(state.projectDir()).isEqualTo("/home/frank/kite");
        assertThat(state.endsInToolCall()).isFalse();
        assertThat(state.evidence().getFirst()).contains(decidedBy);
    }

    @Test
    void theUsersOwnBashCommandAfterAnAnswerLeavesItDone() throws IOException {
        ThreadState state = state(PiParser.start(),
                "pi/v1/--home-frank-kite--/2025-11-22T08-00-00-000Z_a1000000-0000-4000-8000-000000000001.jsonl");

        assertThat(state.evidence()).containsExactly("line 5: assistant stopReason=stop -> done",
                "line 6: skipped bashExecution");
        assertThat(state.lastUserPrompt()).isEqualTo("make the tail of the kite longer in the drawing");
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
