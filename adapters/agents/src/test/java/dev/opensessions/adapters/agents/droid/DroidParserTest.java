package dev.opensessions.adapters.agents.droid;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opensessions.adapters.agents.watch.JsonlEntry;
import dev.opensessions.adapters.agents.watch.ThreadState;
import dev.opensessions.domain.agent.AgentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;

import static dev.opensessions.adapters.agents.watch.Transcripts.state;
import static org.assertj.core.api.Assertions.assertThat;

class DroidParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aMessageTranscriptEndsDoneWithItsSessionTitle() throws IOException {
        ThreadState state = state(DroidParser.start(),
                "droid/-home-dana-app/f4c8a2d6-1b3e-4f70-9a85-c6d2e0b4a817.jsonl");

        assertThat(state.status()).isEqualTo(AgentStatus.DONE);
        assertThat(state.threadName()).isEqualTo("Gradle → version catalogs");
        assertThat(state.projectDir()).isEqualTo("/home/dana/app");
        assertThat(state.lastUserPrompt())
                .isEqualTo("Migrate our Gradle build to version catalogs (libs.versions.toml), keep Kotlin 2.1 ✨");
    }

    @Test
    void aHookTranscriptWaitsOnItsNotification() throws IOException {
        ThreadState state = state(DroidParser.start(),
                "droid/-home-dana-api/a9b8c7d6-e5f4-4321-8765-0fedcba98765.jsonl");

        assertThat(state.status()).isEqualTo(AgentStatus.WAITING);
        assertThat(state.threadName()).isEqualTo("add rate limiting to /login — 5 per minute");
        assertThat(state.projectDir()).isEqualTo("/home/dana/api");
        assertThat(state.evidence()).containsExactly("line 4: hook Notification -> waiting");
    }

    /** After an assistant message (done), hooks that map to no status, such as PreToolUse, change nothing. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{'hook_event_name':'UserPromptSubmit','prompt':'go'} | running | false",
            "{'hook_event_name':'Notification','message':'permission'} | waiting | false",
            "{'hook_event_name':'Stop'} | done | false",
            "{'hook_event_name':'SessionEnd','reason':'exit'} | done | false",
            "{'hook_event_name':'PreToolUse','tool_name':'Execute'} | done | false",
            "{'role':'user','content':'hello'} | running | false",
            "{'role':'assistant','content':'hi'} | done | false",
            "{'type':'message','message':{'role':'assistant','content':[{'type':'text','text':'ok'}]}} | done | false",
            "{'type':'message','message':{'role':'assistant','content':[{'type':'tool_use','name':'Read'}]}} | running | true",
            "{'type':'message','message':{'role':'user','content':[{'type':'tool_result','content':'x'}]}} | running | false",
    })
    void theLastHookOrMessageDecides(String json, String status, boolean toolCall) {
        ThreadState state = DroidParser.start()
                .accept(entry(1, "{'hook_event_name':'Stop'}"))
                .accept(entry(2, "{'type':'message','message':{'role':'assistant','content':'failed'}}"))
                .accept(entry(3, "{'hook_event_name':'Notification'}"))
                .accept(entry(4, "{'role':'assistant','isError':true}"))
                .accept(entry(5, json))
                .state().orElseThrow();

        assertThat(state.status().wireName()).isEqualTo(status);
        assertThat(state.endsInToolCall()).isEqualTo(toolCall);
    }

    private static JsonlEntry entry(long line, String json) {
        try {
            return new JsonlEntry(line, JSON.readTree(json.replace('\'', '"')));
        } catch (IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
