package dev.opensessions.adapters.http;

import dev.opensessions.application.port.in.GetStateUseCase;
import dev.opensessions.application.service.RecordAgentEventService;
import dev.opensessions.application.testkit.Await;
import dev.opensessions.application.testkit.FakeSessionSource;
import dev.opensessions.application.port.in.CommitOutcome;
import dev.opensessions.domain.agent.AgentStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class AgentEventRouteTest {

    @Inject
    GetStateUseCase state;

    @Inject
    FakeSessionSource sessions;

    @Inject
    FakeCommitWrites commits;

    static ValidatableResponse post(String path, String json) {
        return given().contentType("application/json").body(json).when().post(path).then();
    }

    static String agentOf(String session) {
        return "sessions.find { it.name == '" + session + "' }.agentState";
    }

    @Test
    void eventForALiveSessionIsRecordedAndShownInTheState() {
        sessions.pushSessions("ag-live", "/work/ag-live");

        post("/api/agent-event", """
                {"agent":"claude-code","status":"running","tmuxSession":"ag-live","threadId":"t1",
                 "threadName":"Fix the build","lastUserPrompt":"make it green","paneId":"%0","ts":1767225600000}
                """).statusCode(204).body(emptyString());

        given().when().get("/api/state").then().statusCode(200)
                .body(agentOf("ag-live") + ".agent", equalTo("claude-code"))
                .body(agentOf("ag-live") + ".status", equalTo("running"))
                .body(agentOf("ag-live") + ".threadName", equalTo("Fix the build"))
                .body(agentOf("ag-live") + ".lastUserPrompt", equalTo("make it green"))
                .body(agentOf("ag-live") + ".paneId", equalTo("%0"))
                .body(agentOf("ag-live") + ".ts", equalTo(1767225600000L));
    }

    @Test
    void projectDirectoryResolvesTheSessionWithoutAName() {
        sessions.pushSessions("ag-dir", "/work/ag-dir");

        post("/api/agent-event", "{\"agent\":\"codex\",\"status\":\"waiting\",\"projectDir\":\"/work/ag-dir/module\"}")
                .statusCode(204);

        given().when().get("/api/state").then().body(agentOf("ag-dir") + ".status", equalTo("waiting"));
    }

    @Test
    void eventForNoLiveSessionIsAcceptedAndChangesNothing() {
        sessions.pushSessions("ag-other", "/work/ag-other");
        StateProbe probe = StateProbe.watch(state);

        post("/api/agent-event", "{\"agent\":\"amp\",\"status\":\"done\",\"tmuxSession\":\"ag-ghost\"}")
                .statusCode(202).body(emptyString());
        post("/api/agent-event", "{\"agent\":\"amp\",\"status\":\"done\",\"tmuxSession\":\"\",\"paneId\":\"\"}")
                .statusCode(202);
        post("/event", "{\"agent\":\"codex\",\"status\":\"done\",\"session\":\"ag-ghost\"}")
                .statusCode(202).body(emptyString());

        probe.assertUnchanged();
    }

    @Test
    void aReportThatArrivesAfterANewerOneOfItsThreadIsAcceptedAndDropped() {
        sessions.pushSessions("ag-swap", "/work/ag-swap");
        post("/api/agent-event", """
                {"agent":"claude-code","status":"done","tmuxSession":"ag-swap","threadId":"s1","ts":1767225600500}
                """).statusCode(204);
        StateProbe probe = StateProbe.watch(state);

        post("/api/agent-event", """
                {"agent":"claude-code","status":"tool-running","tmuxSession":"ag-swap","threadId":"s1","ts":1767225600400}
                """).statusCode(202).body(emptyString());

        probe.assertUnchanged();
        given().when().get("/api/state").then().body(agentOf("ag-swap") + ".status", equalTo("done"));
    }

    @Test
    void aSessionFullOfLiveThreadsRefusesANewOneWith429AndChangesNothing() {
        sessions.pushSessions("ag-full", "/work/ag-full");
        for (int i = 0; i < RecordAgentEventService.MAX_THREADS_PER_SESSION; i++) {
            post("/api/agent-event", "{\"agent\":\"codex\",\"status\":\"running\",\"tmuxSession\":\"ag-full\","
                    + "\"threadId\":\"t" + i + "\",\"paneId\":\"%1\"}").statusCode(204);
        }
        StateProbe probe = StateProbe.watch(state);

        post("/api/agent-event", """
                {"agent":"codex","status":"running","tmuxSession":"ag-full","threadId":"one-more","paneId":"%1"}
                """).statusCode(429).contentType("text/plain")
                .body(equalTo("too many agent threads in session ag-full (at most 64, all of them live)"));

        probe.assertUnchanged();
    }

    @Test
    void concurrentEventsAreAnsweredOnlyOnceTheirCommitIsDoneAndAFailedCommitFailsEveryOne() throws Exception {
        sessions.pushSessions("ag-batch", "/work/ag-batch", "ag-batch2", "/work/ag-batch2");
        try {
            commits.hold();
            List<CompletableFuture<HttpResponse<String>>> answers = sendAtOnce(8, "running");
            // Every event is in the state, and none is answered while its commit is not done.
            Await.until(() -> state.current().agents().threads().stream()
                    .filter(thread -> thread.session().value().startsWith("ag-batch")).count() == 8);
            assertThat(answers).noneMatch(CompletableFuture::isDone);
            assertThat(commits.heldCommits()).isPositive();

            commits.release(new CommitOutcome.Committed());
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
            }

            commits.hold();
            List<CompletableFuture<HttpResponse<String>>> failing = sendAtOnce(8, "done");
            Await.until(() -> commits.heldCommits() > 0 && state.current().agents().threads().stream()
                    .filter(thread -> thread.session().value().startsWith("ag-batch"))
                    .allMatch(thread -> thread.status() == AgentStatus.DONE));
            commits.release(new CommitOutcome.NotStored(true, "the disk is full"));
            for (CompletableFuture<HttpResponse<String>> answer : failing) {
                HttpResponse<String> failed = answer.get(30, TimeUnit.SECONDS);
                assertThat(failed.statusCode()).isEqualTo(507);
                assertThat(failed.body()).isEqualTo("disk full: not stored");
            }
        } finally {
            commits.release(new CommitOutcome.Committed());
            commits.resume();
        }
    }

    /** Posts one event per thread of two sessions at once, each on its own connection. */
    private static List<CompletableFuture<HttpResponse<String>>> sendAtOnce(int count, String status) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = "{\"agent\":\"codex\",\"status\":\"" + status + "\",\"tmuxSession\":\"ag-batch"
                    + (i % 2 == 0 ? "" : "2") + "\",\"threadId\":\"b" + i + "\"}";
            answers.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                            + "/api/agent-event")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        return answers;
    }

    @Test
    void oldEventPathTakesTheCodexHookFieldNames() {
        sessions.pushSessions("ag-codex", "/work/ag-codex");

        post("/event", "{\"agent\":\"codex\",\"session\":\"ag-codex\",\"status\":\"done\",\"last_user_prompt\":\"ship it\"}")
                .statusCode(204);

        given().when().get("/api/state").then()
                .body(agentOf("ag-codex") + ".status", equalTo("done"))
                .body(agentOf("ag-codex") + ".lastUserPrompt", equalTo("ship it"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"agent\":\"amp\",\"status\":\"running\",\"tmuxSession\":\"ag-bad\"                | invalid json",
        "not json at all                                                                        | invalid json",
        "{\"status\":\"running\",\"tmuxSession\":\"ag-bad\"}                                    | missing agent",
        "{\"agent\":\" \",\"status\":\"running\",\"tmuxSession\":\"ag-bad\"}                      | missing agent",
        "{\"agent\":\"amp\",\"tmuxSession\":\"ag-bad\"}                                          | invalid status",
        "{\"agent\":\"amp\",\"status\":\"busy\",\"tmuxSession\":\"ag-bad\"}                       | invalid status",
        "{\"agent\":\"amp\",\"status\":\"Running\",\"tmuxSession\":\"ag-bad\"}                    | invalid status",
        "{\"agent\":\"amp\",\"status\":1,\"tmuxSession\":\"ag-bad\"}                              | invalid status",
        "{\"agent\":\"amp\",\"status\":\"running\",\"tmuxSession\":\"ag-bad\",\"paneId\":\"12\"}   | invalid paneId",
        "{\"agent\":\"amp\",\"status\":\"running\",\"tmuxSession\":\"ag-bad\",\"paneId\":\"%x\"}   | invalid paneId",
        "{\"agent\":\"amp\",\"status\":\"running\",\"tmuxSession\":\"ag-bad\",\"paneId\":0}       | invalid paneId",
        "{\"agent\":\"amp\",\"status\":\"running\",\"tmuxSession\":\"ag-bad\",\"ts\":\"now\"}      | invalid ts",
        "{\"agent\":\"amp\",\"status\":\"running\",\"tmuxSession\":\"ag-bad\",\"ts\":-5}         | invalid ts",
        "{\"agent\":\"amp\",\"status\":\"running\",\"tmuxSession\":\"ag-bad\",\"ts\":1e999}      | invalid ts",
        "{\"agent\":\"amp\",\"status\":\"running\",\"tmuxSession\":\"ag-bad\",\"ts\":true}       | invalid ts",
        "{\"agent\":\"amp\",\"status\":\"running\",\"tmuxSession\":7}                            | invalid session",
        "{\"agent\":\"amp\",\"status\":\"running\",\"session\":\"ag\\u0000bad\"}                  | invalid session",
        "{\"agent\":9,\"status\":\"running\",\"tmuxSession\":\"ag-bad\"}                          | invalid payload",
        "{\"agent\":\"amp\",\"status\":\"running\",\"tmuxSession\":\"ag-bad\",\"unseen\":\"yes\"}  | invalid payload",
        "{\"agent\":\"amp\",\"status\":\"running\",\"tmuxSession\":\"ag-bad\",\"threadId\":3}    | invalid payload",
        "{\"agent\":\"amp\",\"status\":\"running\",\"tmuxSession\":\"ag-bad\",\"projectDir\":{}}  | invalid payload",
        "`[{\"agent\":\"amp\",\"status\":\"running\",\"tmuxSession\":\"ag-bad\"}]`                 | invalid payload",
    })
    void malformedEventsAreRefusedAndChangeNothing(String json, String reason) {
        // A live session the event would land on, so a validation slip would show in the state.
        sessions.pushSessions("ag-bad", "/work/ag-bad");
        StateProbe probe = StateProbe.watch(state);

        post("/api/agent-event", json).statusCode(400).contentType("text/plain").body(equalTo(reason));
        post("/event", json).statusCode(400).body(equalTo(reason));

        probe.assertUnchanged();
    }

    @Test
    void otherMethodsAreRefusedAndOptionsNamesTheAllowedOnes() {
        for (String path : java.util.List.of("/api/agent-event", "/event")) {
            given().when().get(path).then().statusCode(405).header("Allow", "OPTIONS, POST");
            given().when().put(path).then().statusCode(405);
            given().when().options(path).then().statusCode(200).header("Allow", "OPTIONS, POST");
        }
    }

    @Test
    void aSessionNameOverTheCapIsInvalid() {
        String longName = "a".repeat(257);
        sessions.pushSessions("ag-cap", "/work/ag-cap");
        StateProbe probe = StateProbe.watch(state);

        post("/api/agent-event", "{\"agent\":\"amp\",\"status\":\"done\",\"tmuxSession\":\"" + longName + "\"}")
                .statusCode(400).body(equalTo("invalid session"));

        probe.assertUnchanged();
        assertThat(state.current().agents().threads()).noneMatch(t -> t.session().value().equals("ag-cap"));
    }
}
