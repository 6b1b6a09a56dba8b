package dev.opensessions.adapters.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opensessions.application.port.in.GetStateUseCase;
import dev.opensessions.application.port.in.RecordAgentEventUseCase.Command;
import dev.opensessions.application.service.RecordAgentEventService;
import dev.opensessions.application.testkit.FakeSessionSource;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.session.SessionName;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The filtered {@code subscribe} command, with a real WebSocket client and no token. */
@QuarkusTest
class SubscribeTest {

    @TestHTTPResource("/ws")
    URI http;
    @Inject
    FakeSessionSource mux;
    @Inject
    GetStateUseCase state;
    @Inject
    RecordAgentEventService agents;

    private long clock = Instant.parse("2026-03-01T12:00:00Z").toEpochMilli();

    private WsClient connect() {
        WsClient client = WsClient.connect(URI.create(http.toString().replaceFirst("^http", "ws")), Map.of());
        client.awaitState(state.current().version());
        return client;
    }

    @Test
    void aSubscriberReceivesOnlyTheMatchingTransitionsAndNoMoreStates() {
        mux.pushSessions("sub-a", "/tmp/sub-a", "sub-b", "/tmp/sub-b");
        try (WsClient client = connect()) {
            client.send("{\"type\":\"subscribe\",\"session\":\"sub-a\",\"status\":\"done,waiting\"}");
            JsonNode subscribed = client.await("subscribed", f -> "subscribed".equals(f.path("type").asText()));
            assertThat(subscribed.path("session").asText()).isEqualTo("sub-a");
            assertThat(subscribed.path("statuses")).extracting(JsonNode::asText).containsExactly("done", "waiting");
            int framesBefore = client.frames().size();

            event("sub-a", "claude-code", "t1", AgentStatus.RUNNING);
            event("sub-b", "codex", "t2", AgentStatus.DONE);
            event("sub-a", "claude-code", "t1", AgentStatus.WAITING);
            event("sub-a", "claude-code", "t1", AgentStatus.RUNNING);
            event("sub-a", "claude-code", "t1", AgentStatus.DONE);
            mux.pushSessions("sub-a", "/tmp/sub-a", "sub-b", "/tmp/sub-b", "sub-c", "/tmp/sub-c");

            client.await("the done transition", f -> "transition".equals(f.path("type").asText())
                    && "done".equals(f.path("to").asText()));
            List<JsonNode> after = client.frames().subList(framesBefore, client.frames().size());
            assertThat(after).extracting(f -> f.path("type").asText()).containsOnly("transition");
            assertThat(after).extracting(f -> f.path("from").asText() + ">" + f.path("to").asText())
                    .containsExactly("running>waiting", "running>done");
            JsonNode done = after.getLast();
            assertThat(done.path("session").asText()).isEqualTo("sub-a");
            assertThat(done.path("agent").asText()).isEqualTo("claude-code");
            assertThat(done.path("thread").asText()).isEqualTo("claude-code:t1");
            assertThat(done.path("threadId").asText()).isEqualTo("t1");
            assertThat(done.path("at").asLong()).isEqualTo(clock);
            assertThat(done.path("unseen").asBoolean()).isTrue();
        }
    }

    @Test
    void aBadFilterIsRefusedAndTheConnectionKeepsItsStates() {
        mux.pushSessions("sub-d", "/tmp/sub-d");
        try (WsClient client = connect()) {
            client.send("{\"type\":\"subscribe\",\"status\":\"finished\"}");
            client.await("refused", f -> "error".equals(f.path("type").asText())
                    && "invalid status: finished".equals(f.path("message").asText()));
            client.send("{\"type\":\"subscribe\",\"session\":5}");
            client.await("refused", f -> "invalid fields for subscribe".equals(f.path("message").asText()));

            mux.pushSessions("sub-d", "/tmp/sub-d", "sub-e", "/tmp/sub-e");

            client.awaitState(state.current().version());
        }
    }

    @Test
    void subscribingAgainReplacesTheFilter() {
        mux.pushSessions("sub-f", "/tmp/sub-f");
        try (WsClient client = connect()) {
            client.send("{\"type\":\"subscribe\",\"agent\":\"amp\"}");
            client.await("first", f -> "subscribed".equals(f.path("type").asText()));
            client.send("{\"type\":\"subscribe\",\"agent\":\"pi\"}");
            client.await("second", f -> "subscribed".equals(f.path("type").asText()) && "pi".equals(f.path("agent").asText()));

            event("sub-f", "amp", "t3", AgentStatus.RUNNING);
            event("sub-f", "pi", "t4", AgentStatus.ERROR);

            client.await("pi", f -> "transition".equals(f.path("type").asText()));
            assertThat(client.frames()).filteredOn(f -> "transition".equals(f.path("type").asText()))
                    .extracting(f -> f.path("agent").asText()).containsExactly("pi");
        }
    }

    private void event(String session, String agent, String thread, AgentStatus status) {
        clock += 1000;
        agents.record(new Command(agent, status, SessionName.of(session), null, thread, null, null,
                Instant.ofEpochMilli(clock), null, null));
    }
}
