package dev.opensessions.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.domain.agent.AgentTracker;
import dev.opensessions.domain.session.Client;
import dev.opensessions.domain.session.GitStatus;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.SessionOrder;
import dev.opensessions.domain.session.Topology;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class StateViewsTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void sessionCarriesGitPortsAndLinks() throws Exception {
        Session api = new Session(SessionName.of("api"), T0, "/src/api", 2, List.of(PaneId.of("%1")),
                new GitStatus("feature/x", true, 3, 10, 4, true, "/src/api/.git"), List.of(8080, 3000, 8080));

        JsonNode session = json(snapshot(new Topology(List.of(api), Set.of(), List.of()))).get("sessions").get(0);

        assertThat(session.get("branch").asText()).isEqualTo("feature/x");
        assertThat(session.get("dirty").asBoolean()).isTrue();
        assertThat(session.get("changedFiles").asInt()).isEqualTo(3);
        assertThat(session.get("insertions").asInt()).isEqualTo(10);
        assertThat(session.get("deletions").asInt()).isEqualTo(4);
        assertThat(session.get("isWorktree").asBoolean()).isTrue();
        assertThat(session.get("worktreeGroup").asText()).isEqualTo("/src/api/.git");
        assertThat(session.get("ports").toString()).isEqualTo("[3000,8080]");
        assertThat(session.get("localLinks").get(0).get("url").asText()).isEqualTo("http://localhost:3000");
        assertThat(session.get("localLinks").get(0).get("kind").asText()).isEqualTo("direct");
    }

    @Test
    void sessionOutsideGitHasNoBranchAndZeroCounts() throws Exception {
        Session plain = new Session(SessionName.of("notes"), T0, "/tmp", 1, List.of(PaneId.of("%2")));

        JsonNode session = json(snapshot(new Topology(List.of(plain), Set.of()))).get("sessions").get(0);

        assertThat(session.get("branch").isNull()).isTrue();
        assertThat(session.get("dirty").asBoolean()).isFalse();
        assertThat(session.get("changedFiles").asInt()).isZero();
        assertThat(session.get("ports").isEmpty()).isTrue();
    }

    @Test
    void clientsNameTheSessionTheyShow() throws Exception {
        Session api = new Session(SessionName.of("api"), T0, "/src/api", 1, List.of(PaneId.of("%1")));
        Topology topology = new Topology(List.of(api), Set.of(PaneId.of("%1")),
                List.of(new Client("/dev/pts/3", SessionName.of("api"), PaneId.of("%1"))));

        JsonNode client = json(snapshot(topology)).get("clients").get(0);

        assertThat(client.get("tty").asText()).isEqualTo("/dev/pts/3");
        assertThat(client.get("session").asText()).isEqualTo("api");
        assertThat(client.get("activePane").asText()).isEqualTo("%1");
    }

    private static StateSnapshot snapshot(Topology topology) {
        return new StateSnapshot(1, T0, topology, SessionOrder.empty(), AgentTracker.empty(), Map.of());
    }

    private JsonNode json(StateSnapshot snapshot) throws Exception {
        return mapper.readTree(mapper.writeValueAsString(StateViews.of(snapshot)));
    }
}
