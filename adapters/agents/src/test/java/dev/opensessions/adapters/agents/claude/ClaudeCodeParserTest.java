package dev.opensessions.adapters.agents.claude;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opensessions.adapters.agents.watch.JsonlEntry;
import dev.opensessions.adapters.agents.watch.ThreadState;
import dev.opensessions.adapters.agents.watch.TranscriptParser;
import dev.opensessions.domain.agent.AgentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;

import static dev.opensessions.adapters.agents.watch.Transcripts.state;
import static org.assertj.core.api.Assertions.assertThat;

class ClaudeCodeParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMPT =
            "{'type':'user','cwd':'/a','message':{'role':'user','content':'first prompt'}}";

    @Test
    void aLongSessionEndsDoneAndSkipsTheNoiseAfterItsLastAnswer() throws IOException {
        ThreadState state = state(ClaudeCodeParser.start("__encoded__:x"), "claude-code/long-session-done.jsonl");

        assertThat(state.status()).isEqualTo(AgentStatus.DONE);
        assertThat(state.endsInToolCall()).isFalse();
        assertThat(state.projectDir()).isEqualTo("/home/alice/src/örtlich-café");
        assertThat(state.threadName()).isEqualTo(
                "Fix the flaky Größenberechnung test in ReportServiceTest — it fails on every oth");
        assertThat(state.threadName().codePointCount(0, state.threadName().length())).isEqualTo(80);
        assertThat(state.lastUserPrompt()).isEqualTo("Now make the CSV export use the same rounding, and add a test for 0,005 €");
        assertThat(state.evidence().getFirst()).contains("assistant stop_reason=end_turn -> done");
        assertThat(state.evidence()).anyMatch(line -> line.contains("skipped user <local-command-"));
    }

    @Test
    void aRejectedToolThenInterruptionReadsInterruptedWithTheCustomTitle() throws IOException {
        ThreadState state = state(ClaudeCodeParser.start(null), "claude-code/interrupted-with-title.jsonl");

        assertThat(state.status()).isEqualTo(AgentStatus.INTERRUPTED);
        assertThat(state.threadName()).isEqualTo("Payments rename 💳");
        assertThat(state.lastUserPrompt()).isEqualTo("rename the `legacy_payments` module to `payments-v1` everywhere");
        assertThat(state.projectDir()).isEqualTo("/srv/shop");
    }

    @Test
    void aToolCallWithoutResultIsRunningAndEndsInAToolCall() throws IOException {
        ThreadState state = state(ClaudeCodeParser.start("__encoded__:-home-alice-weird_name.v2"),
                "claude-code/pending-tool-no-cwd.jsonl");

        assertThat(state.status()).isEqualTo(AgentStatus.RUNNING);
        assertThat(state.endsInToolCall()).isTrue();
        assertThat(state.projectDir()).isEqualTo("__encoded__:-home-alice-weird_name.v2");
        assertThat(state.evidence()).containsExactly("line 3: assistant tool_use Bash -> running");
    }

    @Test
    void exitEndsTheThreadDone() throws IOException {
        ThreadState state = state(ClaudeCodeParser.start(null), "claude-code/exit.jsonl");

        assertThat(state.status()).isEqualTo(AgentStatus.DONE);
        assertThat(state.evidence().getFirst()).contains("user /exit");
        assertThat(state.lastUserPrompt()).isEqualTo("what does `make dist` produce?");
    }

    @Test
    void nothingMeaningfulYetGivesNoState() {
        TranscriptParser parser = ClaudeCodeParser.start(null)
                .accept(entry("{'type':'file-history-snapshot','messageId':'m'}"))
                .accept(entry("{'type':'user','message':{'role':'user','content':'<local-command-stdout>x</local-command-stdout>'}}"));

        assertThat(parser.state()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{'type':'assistant','message':{'content':[{'type':'thinking','thinking':'hm'}],'stop_reason':null}} | running | false",
            "{'type':'assistant','message':{'content':[{'type':'text','text':'Hi'}],'stop_reason':null}} | running | false",
            "{'type':'assistant','message':{'content':[{'type':'text','text':'Hi'}],'stop_reason':'end_turn'}} | done | false",
            "{'type':'assistant','message':{'content':[{'type':'text','text':'Hi'}],'stop_reason':'tool_use'}} | running | true",
            "{'type':'assistant','message':{'content':[{'type':'tool_use','id':'t','name':'Bash','input':{}}],'stop_reason':null}} | running | true",
            "{'type':'assistant','message':{'content':[{'type':'text','text':'cut'}],'stop_reason':'max_tokens'}} | done | false",
            "{'type':'assistant','isApiErrorMessage':true,'message':{'content':[{'type':'text','text':'API Error: 529'}],'stop_reason':'stop_sequence'}} | error | false",
            "{'type':'user','message':{'role':'user','content':'[Request interrupted by user]'}} | interrupted | false",
            "{'type':'user','message':{'role':'user','content':[{'type':'tool_result','tool_use_id':'t','content':'ok'}]}} | running | false",
            "{'type':'user','message':{'role':'user','content':'<command-name>/exit</command-name>'}} | done | false",
            "{'type':'user','message':{'role':'user','content':'second prompt'}} | running | false",
            "{'type':'user','message':{'role':'user','content':'<system-reminder>x</system-reminder>'}} | running | false",
            "{'type':'user','message':{'role':'user','content':'<command-name>/clear</command-name>'}} | running | false",
            "{'type':'user','isMeta':true,'message':{'role':'user','content':'Caveat: local commands'}} | running | false",
            "{'type':'system','subtype':'compact_boundary','content':'Conversation compacted'} | running | false",
    })
    void theLastMeaningfulEntryDecides(String last, String status, boolean toolCall) {
        ThreadState state = ClaudeCodeParser.start(null).accept(entry(PROMPT)).accept(entry(2, last)).state().orElseThrow();

        assertThat(state.status().wireName()).isEqualTo(status);
        assertThat(state.endsInToolCall()).isEqualTo(toolCall);
    }

    @Test
    void promptsSkipWrappersAndTheNameKeepsTheFirstRealPrompt() {
        ThreadState state = ClaudeCodeParser.start(null)
                .accept(entry("{'type':'user','message':{'role':'user','content':'<command-name>/init</command-name>'}}"))
                .accept(entry(2, "{'type':'user','message':{'role':'user','content':[{'type':'text','text':'  Erste Frage 🙂\\nzweite Zeile'}]}}"))
                .accept(entry(3, "{'type':'user','message':{'role':'user','content':'{tool output}'}}"))
                .accept(entry(4, "{'type':'user','message':{'role':'user','content':'later prompt'}}"))
                .accept(entry(5, "{'type':'user','message':{'role':'user','content':'[Request interrupted by user]'}}"))
                .state().orElseThrow();

        assertThat(state.threadName()).isEqualTo("Erste Frage 🙂");
        assertThat(state.lastUserPrompt()).isEqualTo("later prompt");
    }

    static JsonlEntry entry(String json) {
        return entry(1, json);
    }

    static JsonlEntry entry(long line, String json) {
        try {
            return new JsonlEntry(line, JSON.readTree(json.replace('\'', '"')));
        } catch (IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
