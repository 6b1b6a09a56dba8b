package dev.opensessions.domain.agent;

import dev.opensessions.domain.session.Client;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static dev.opensessions.domain.agent.AgentStatus.DONE;
import static dev.opensessions.domain.agent.AgentStatus.ERROR;
import static dev.opensessions.domain.agent.AgentStatus.STALE;
import static dev.opensessions.domain.agent.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** Which of the user's moves clear which unseen markers. */
class UserLooksTest {

    private static final SessionName API = SessionName.of("api");
    private static final SessionName WEB = SessionName.of("web");
    private static final Set<PaneId> NONE = Set.of();

    /** api holds pane %1 (and %2); web holds %3. A client on web, focused on %3, moves somewhere. */
    @ParameterizedTest(name = "client moves to {0} pane {1}, api has {2} unseen -> {3} left")
    @CsvSource({
            // Switching into a session with one unseen agent clears it, pane or not.
            "api, %2, 1, 0",
            // With several, each must be looked at.
            "api, %2, 2, 2",
            // Focusing the agent's pane clears that agent only.
            "api, %1, 2, 1",
            // Staying put clears nothing.
            "web, %3, 1, 1",
    })
    void aClientThatSwitchesOrFocusesClearsWhatItLooksAt(String session, String pane, int unseen, int left) {
        AgentTracker agents = AgentTracker.empty()
                .record(API, Events.of("claude-code", DONE).thread("a").pane("%1").event(), NONE);
        if (unseen == 2) {
            agents = agents.record(API, Events.of("codex", ERROR).thread("b").event(), NONE);
        }
        Topology before = topology(WEB, "%3");

        AgentTracker after = UserLooks.apply(agents, before, topology(SessionName.of(session), pane));

        assertThat(after.threads().stream().filter(AgentThread::unseen).count()).isEqualTo(left);
    }

    @Test
    void aStaleAgentWithoutAPaneIsSeenWhenAClientSwitchesIntoItsSession() {
        AgentTracker agents = AgentTracker.empty().record(API, Events.of("claude-code", STALE).thread("a").event(),
                NONE);

        AgentTracker after = UserLooks.apply(agents, topology(WEB, "%3"), topology(API, "%1"));

        assertThat(after.unseen(API)).isFalse();
    }

    @Test
    void theFirstPictureAfterAStartIsNoSwitch() {
        AgentTracker agents = AgentTracker.empty().record(API, Events.of("claude-code", DONE).thread("a").event(),
                NONE);

        AgentTracker after = UserLooks.apply(agents, Topology.empty(), topology(API, "%1"));

        assertThat(after.unseen(API)).isTrue();
    }

    @Test
    void aClientThatAttachesToASessionSwitchesIntoIt() {
        AgentTracker agents = AgentTracker.empty().record(API, Events.of("claude-code", DONE).thread("a").event(),
                NONE);
        Topology nobody = new Topology(sessions(), Set.of(), List.of());

        AgentTracker after = UserLooks.apply(agents, nobody, topology(API, "%2"));

        assertThat(after.unseen(API)).isFalse();
    }

    private static Topology topology(SessionName session, String pane) {
        return new Topology(sessions(), Set.of(PaneId.of(pane)), List.of(new Client("/dev/pts/1", session,
                PaneId.of(pane))));
    }

    private static List<Session> sessions() {
        return List.of(
                new Session(API, Instant.EPOCH, "/w/api", 1, List.of(PaneId.of("%1"), PaneId.of("%2"))),
                new Session(WEB, Instant.EPOCH, "/w/web", 1, List.of(PaneId.of("%3"))));
    }
}
