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

    /**
     * Claude Code 2.x writes {@code stop_reason: null} on every assistant entry: turns end at system entries,
     * and what runs or waits follows from the tool calls still without a result and the progress entries.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "v2-turn-ended.jsonl                | done        | false | system stop_hook_summary -> done",
            "v2-turn-duration-only.jsonl        | done        | false | system turn_duration -> done",
            "v2-compact-after-turn.jsonl        | done        | false | system stop_hook_summary -> done",
            "v2-task-notification.jsonl         | running     | false | user <task-notification> -> running",
            "v2-task-notification-answered.jsonl | done       | false | system stop_hook_summary -> done",
            "v2-bash-streaming.jsonl            | tool-running | false | progress bash_progress of Bash -> tool-running",
            "v2-ask-user-question.jsonl         | waiting     | false | assistant tool_use AskUserQuestion, a question to the user -> waiting",
            "v2-exit-plan-mode.jsonl            | waiting     | false | assistant tool_use ExitPlanMode, a question to the user -> waiting",
            "v2-permission-pending.jsonl        | running     | true  | assistant tool_use Glob -> running",
            "v2-read-only-pending.jsonl         | running     | false | assistant tool_use Read (read-only) -> running",
            "v2-parallel-partly-answered.jsonl  | running     | false | user tool_result, still running Grep -> running",
            "v2-api-error.jsonl                 | error       | false | assistant API error -> error",
            "v2-rejected-then-model.jsonl       | interrupted | false | user [Request interrupted] -> interrupted",
    })
    void claudeCode2TranscriptsReadAsTheirLastTurnStands(String fixture, String status, boolean toolCall,
                                                          String decidedBy) throws IOException {
        ThreadState state = state(ClaudeCodeParser.start(null), "claude-code/" + fixture);

        assertThat(state.status().wireName()).as(String.join("\n", state.evidence())).isEqualTo(status);
        assertThat(state.endsInToolCall()).isEqualTo(toolCall);
        assertThat(state.evidence().getFirst()).contains(decidedBy);
    }

    @Test
    void aTurnEndMarkerAfterAStopReasonOrAnInterruptionChangesNothing() {
        ThreadState interrupted = ClaudeCodeParser.start(null).accept(entry(PROMPT))
                .accept(entry(2, "{'type':'user','message':{'role':'user','content':'[Request interrupted by user]'}}"))
                .accept(entry(3, "{'type':'system','subtype':'turn_duration','durationMs':1200}"))
                .state().orElseThrow();
        ThreadState ended = ClaudeCodeParser.start(null).accept(entry(PROMPT))
                .accept(entry(2, "{'type':'assistant','message':{'content':[{'type':'text','text':'Hi'}],'stop_reason':'end_turn'}}"))
                .accept(entry(3, "{'type':'system','subtype':'stop_hook_summary','hookCount':0}"))
                .state().orElseThrow();

        assertThat(interrupted.status()).isEqualTo(AgentStatus.INTERRUPTED);
        assertThat(interrupted.evidence()).containsExactly("line 2: user [Request interrupted] -> interrupted",
                "line 3: skipped system turn_duration");
        assertThat(ended.status()).isEqualTo(AgentStatus.DONE);
        assertThat(ended.evidence().getFirst()).isEqualTo("line 2: assistant stop_reason=end_turn -> done");
    }

    @Test
    void aNewTurnForgetsTheToolCallsAndTheErrorOfTheLastOne() {
        ThreadState state = ClaudeCodeParser.start(null).accept(entry(PROMPT))
                .accept(entry(2, "{'type':'assistant','message':{'content':[{'type':'tool_use','id':'t1','name':'Bash','input':{}}],'stop_reason':null}}"))
                .accept(entry(3, "{'type':'user','message':{'role':'user','content':'[Request interrupted by user]'}}"))
                .accept(entry(4, "{'type':'user','message':{'role':'user','content':'now just read it'}}"))
                .accept(entry(5, "{'type':'assistant','message':{'content':[{'type':'tool_use','id':'t2','name':'Read','input':{}}],'stop_reason':null}}"))
                .state().orElseThrow();

        assertThat(state.status()).isEqualTo(AgentStatus.RUNNING);
        assertThat(state.endsInToolCall()).isFalse();
    }

    @Test
    void progressWithoutAPendingToolIsNoise() {
        ThreadState state = ClaudeCodeParser.start(null).accept(entry(PROMPT))
                .accept(entry(2, "{'type':'assistant','message':{'content':[{'type':'text','text':'Hi'}],'stop_reason':null}}"))
                .accept(entry(3, "{'type':'system','subtype':'stop_hook_summary'}"))
                .accept(entry(4, "{'type':'progress','data':{'type':'bash_progress','output':'late'}}"))
                .state().orElseThrow();

        assertThat(state.status()).isEqualTo(AgentStatus.DONE);
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
