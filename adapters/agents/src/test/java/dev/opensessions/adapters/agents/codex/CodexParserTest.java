package dev.opensessions.adapters.agents.codex;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opensessions.adapters.agents.watch.JsonlEntry;
import dev.opensessions.adapters.agents.watch.ThreadState;
import dev.opensessions.domain.agent.AgentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;

import static dev.opensessions.adapters.agents.watch.Transcripts.state;
import static org.assertj.core.api.Assertions.assertThat;

class CodexParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aLongSessionEndsDoneWithCleanedPromptsAndItsCwd() throws IOException {
        ThreadState state = state(CodexParser.start(),
                "codex/rollout-2025-11-20T10-00-03-0199a7c2-5be1-7d40-9f3e-2c81a6d40b17.jsonl");

        assertThat(state.status()).isEqualTo(AgentStatus.DONE);
        assertThat(state.projectDir()).isEqualTo("/home/bob/ledger");
        assertThat(state.threadName())
                .isEqualTo("Why does `ledger import` choke on the Zürich bank CSV (semicolons, ISO-8859-1)?");
        assertThat(state.lastUserPrompt()).isEqualTo("now add a regression test — 日本語 descriptions too");
        assertThat(state.evidence().getFirst()).contains("event task_complete -> done");
    }

    @Test
    void anAbortedTurnIsInterruptedDespiteTheMarkerCodexAddsAfterIt() throws IOException {
        ThreadState state = state(CodexParser.start(),
                "codex/rollout-2025-11-20T10-12-40-0199a7d0-1111-7aaa-8bbb-0c0d0e0f1a2b.jsonl");

        assertThat(state.status()).isEqualTo(AgentStatus.INTERRUPTED);
        assertThat(state.lastUserPrompt()).isEqualTo("run the whole migration against staging");
    }

    @Test
    void aFunctionCallWithoutOutputIsRunningAndEndsInAToolCall() throws IOException {
        ThreadState state = state(CodexParser.start(),
                "codex/rollout-2025-11-20T10-20-00-0199a7e1-2222-7ccc-9ddd-aabbccddeeff.jsonl");

        assertThat(state.status()).isEqualTo(AgentStatus.RUNNING);
        assertThat(state.endsInToolCall()).isTrue();
        assertThat(state.projectDir()).isEqualTo("/home/bob/infra");
        assertThat(state.evidence()).containsExactly("line 9: function_call shell_command -> running");
    }

    /** Rollouts in the shapes Codex 0.104 writes, each cut at the moment that matters. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "09-00-00-019cb001-0000-7000-8000-000000000001 | done        | false | event task_complete -> done",
            "09-10-00-019cb002-0000-7000-8000-000000000002 | running     | true  | function_call exec_command -> running",
            "09-20-00-019cb003-0000-7000-8000-000000000003 | running     | false | assistant message -> running",
            "09-30-00-019cb004-0000-7000-8000-000000000004 | interrupted | false | event turn_aborted -> interrupted",
            "09-40-00-019cb005-0000-7000-8000-000000000005 | running     | false | function_call_output -> running",
            "09-50-00-019cb006-0000-7000-8000-000000000006 | running     | false | event user_message -> running",
    })
    void codex0104RolloutsReadAsTheirTurnStands(String file, String status, boolean toolCall, String decidedBy)
            throws IOException {
        ThreadState state = state(CodexParser.start(), "codex/v0.104/rollout-2026-03-03T" + file + ".jsonl");

        assertThat(state.status().wireName()).as(String.join("\n", state.evidence())).isEqualTo(status);
        assertThat(state.endsInToolCall()).isEqualTo(toolCall);
        assertThat(state.evidence().getFirst()).contains(decidedBy);
        assertThat(state.projectDir()).isEqualTo("/home/erin/tide-tables");
    }

    @Test
    void theOutputOfACommandKilledByAnAbortKeepsTheTurnInterrupted() throws IOException {
        ThreadState state = state(CodexParser.start(),
                "codex/v0.104/rollout-2026-03-03T09-30-00-019cb004-0000-7000-8000-000000000004.jsonl");

        assertThat(state.evidence()).anyMatch(line -> line.endsWith("skipped late function_call_output"));
        assertThat(state.lastUserPrompt()).isEqualTo("why does the tide chart skip March 30?");
    }

    @ParameterizedTest(name = "{0}/{1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "event_msg     | {'type':'task_complete'}                                   | done        | false",
            "event_msg     | {'type':'turn_aborted','reason':'interrupted'}            | interrupted | false",
            "event_msg     | {'type':'task_started'}                                    | running     | false",
            "event_msg     | {'type':'user_message','message':'go'}                     | running     | false",
            "event_msg     | {'type':'agent_message','message':'x','phase':'final_answer'} | done     | false",
            "event_msg     | {'type':'agent_message','message':'x'}                     | running     | false",
            "event_msg     | {'type':'token_count'}                                     | done        | false",
            "response_item | {'type':'message','role':'user','content':[{'type':'input_text','text':'go'}]} | running | false",
            "response_item | {'type':'message','role':'assistant','phase':'final_answer','content':[]} | done | false",
            "response_item | {'type':'message','role':'assistant','content':[]}         | running     | false",
            "response_item | {'type':'message','role':'developer','content':[]}         | done        | false",
            "response_item | {'type':'message','role':'user','content':[{'type':'input_text','text':'<environment_context>x'}]} | done | false",
            "response_item | {'type':'function_call','name':'shell','call_id':'c'}     | running     | true",
            "response_item | {'type':'custom_tool_call','name':'apply_patch'}          | running     | true",
            "response_item | {'type':'function_call_output','call_id':'c'}             | running     | false",
            "response_item | {'type':'custom_tool_call_output'}                        | running     | false",
            "response_item | {'type':'reasoning','summary':[]}                          | running     | false",
            "response_item | {'type':'web_search_call'}                                 | running     | false",
    })
    void theLastMeaningfulEntryDecidesAfterADoneTurn(String type, String payload, String status, boolean toolCall) {
        ThreadState state = CodexParser.start()
                .accept(entry(1, "{'type':'event_msg','payload':{'type':'task_complete'}}"))
                .accept(entry(2, "{'type':'" + type + "','payload':" + payload + "}"))
                .state().orElseThrow();

        assertThat(state.status().wireName()).isEqualTo(status);
        assertThat(state.endsInToolCall()).isEqualTo(toolCall);
    }

    @Test
    void promptsLoseTheRequestPrefixAndInternalOnesAreIgnored() {
        assertThat(CodexPrompts.clean("## My request for Codex:\n fix it ")).isEqualTo("fix it");
        assertThat(CodexPrompts.clean("<permissions instructions>sandbox</permissions instructions>")).isNull();
        assertThat(CodexPrompts.clean("# AGENTS.md instructions for /x")).isNull();
        assertThat(CodexPrompts.clean("<collaboration_mode>pair</collaboration_mode>")).isNull();
    }

    @Test
    void theThreadIdIsTheUuidSuffixOfTheFileName() {
        assertThat(CodexTranscriptSource.threadId(
                Path.of("rollout-2025-11-20T10-00-03-0199A7C2-5be1-7d40-9f3e-2c81a6d40b17.jsonl")))
                .isEqualTo("0199a7c2-5be1-7d40-9f3e-2c81a6d40b17");
        assertThat(CodexTranscriptSource.threadId(Path.of("odd-name.jsonl"))).isEqualTo("odd-name");
    }

    private static JsonlEntry entry(long line, String json) {
        try {
            return new JsonlEntry(line, JSON.readTree(json.replace('\'', '"')));
        } catch (IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
