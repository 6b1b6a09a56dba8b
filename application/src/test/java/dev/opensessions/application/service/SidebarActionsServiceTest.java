package dev.opensessions.application.service;

import dev.opensessions.application.port.in.RecordAgentEventUseCase;
import dev.opensessions.application.port.in.SwitchSessionUseCase.SwitchOutcome;
import dev.opensessions.application.testkit.FakeLocalSystem;
import dev.opensessions.application.testkit.FakeMultiplexer.CreateCall;
import dev.opensessions.application.testkit.FakeMultiplexer.FocusCall;
import dev.opensessions.application.testkit.FakeMultiplexer.KillCall;
import dev.opensessions.application.testkit.FakeMultiplexer.PopupCall;
import dev.opensessions.application.testkit.FakeMultiplexer.SwitchCall;
import dev.opensessions.application.testkit.FakeMultiplexer.WindowCall;
import dev.opensessions.application.testkit.FakeMultiplexer;
import dev.opensessions.application.testkit.FakeSessionSource;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.session.Client;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.Topology;
import dev.opensessions.domain.sidebar.DiffPlace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SidebarActionsServiceTest {

    private static final List<String> SESSIONIZER = List.of("/opt/opensessions/bin/opensessions-sessionizer");
    private static final PaneId SIDEBAR_ONE = PaneId.of("%50");
    private static final PaneId SIDEBAR_TWO = PaneId.of("%51");

    private final Harness harness = new Harness();
    private final FakeMultiplexer tmux = new FakeMultiplexer();
    private final FakeLocalSystem system = new FakeLocalSystem();
    private final SidebarActionsService service = new SidebarActionsService(harness.owner, tmux, system,
            new SwitchSessionService(harness.owner, tmux), SESSIONIZER, "/home/ada");

    @BeforeEach
    void twoClientsOnTwoSessions() {
        harness.mux.push(new Topology(
                List.of(session("api", 0), session("web", 1), session("docs", 2), session("ops", 3)), Set.of(),
                List.of(new Client("/dev/pts/1", SessionName.of("api"), PaneId.of("%0")),
                        new Client("/dev/pts/2", SessionName.of("web"), PaneId.of("%1"))),
                Map.of(SIDEBAR_ONE, SessionName.of("api"), SIDEBAR_TWO, SessionName.of("web"))));
    }

    @Test
    void focusAgentShowsThePaneOnTheAskingClientAndMarksItSeen() {
        done("%3", "t1");

        service.focusAgent(SIDEBAR_TWO, PaneId.of("%3"));

        assertThat(tmux.focuses).containsExactly(new FocusCall("/dev/pts/2", PaneId.of("%3")));
        assertThat(harness.owner.current().agents().unseen(SessionName.of("ops"))).isFalse();
    }

    @Test
    void markingAnAgentSeenClearsOnlyItsMarkerAndFocusesNothing() {
        done("%3", "t1");
        AgentThread row = harness.owner.current().agents().threads().getFirst();

        service.markAgentSeen(SessionName.of("ops"), row.key());

        assertThat(harness.owner.current().agents().threads().getFirst().unseen()).isFalse();
        assertThat(tmux.focuses).isEmpty();
    }

    @Test
    void dismissAndKillPaneActOnTheAgent() {
        done("%3", "t1");
        AgentThread row = harness.owner.current().agents().threads().getFirst();

        service.dismissAgent(SessionName.of("ops"), row.key());
        service.killPane(PaneId.of("%3"));

        assertThat(harness.owner.current().agents().threads()).isEmpty();
        assertThat(tmux.killedPanes).containsExactly(PaneId.of("%3"));
    }

    @Test
    void killingAGroupNeverMovesAClientOntoAnotherDoomedSession() {
        harness.order.hide(SessionName.of("ops"));

        service.killSessions(SIDEBAR_ONE, List.of(SessionName.of("web"), SessionName.of("docs")));

        assertThat(tmux.kills).containsExactly(
                new KillCall(SessionName.of("web"), names("api", "web")),
                new KillCall(SessionName.of("docs"), names("api", "docs")));
    }

    @Test
    void theDiffViewerIsTheBestInstalledInTheSessionsDirectory() {
        service.openDiff(SIDEBAR_ONE, SessionName.of("web"), DiffPlace.POPUP);
        system.install("tig");
        service.openDiff(SIDEBAR_ONE, SessionName.of("web"), DiffPlace.WINDOW);
        system.install("lazygit");
        service.openDiff(SIDEBAR_TWO, SessionName.of("api"), DiffPlace.POPUP);

        assertThat(tmux.popups).containsExactly(
                new PopupCall("/dev/pts/1", "/src/web", List.of("sh", "-c", "git diff --color=always | less -R"), "90%", "90%"),
                new PopupCall("/dev/pts/2", "/src/api", List.of("lazygit"), "90%", "90%"));
        assertThat(tmux.windows).containsExactly(new WindowCall(SessionName.of("web"), "/src/web", List.of("tig")));
    }

    @Test
    void theSessionizerOpensOnlyWhereFzfIsInstalled() {
        assertThat(service.openSessionizer(SIDEBAR_ONE)).isFalse();
        assertThat(tmux.popups).isEmpty();

        system.install("fzf");
        assertThat(service.openSessionizer(SIDEBAR_ONE)).isTrue();
        assertThat(tmux.popups).containsExactly(new PopupCall("/dev/pts/1", "/home/ada", SESSIONIZER, "80%", "70%"));

        tmux.failing = true;
        assertThat(service.openSessionizer(SIDEBAR_ONE)).as("a failed popup falls back to the picker").isFalse();
    }

    @Test
    void projectDirectoriesComeFromTheMachine() {
        system.directories = List.of("/home/ada/Documents/api", "/home/ada/Documents/web");

        assertThat(service.projectDirectories()).isEqualTo(system.directories);
        assertThat(system.lastLimit).isEqualTo(2000);
    }

    @Test
    void openingAProjectReusesItsSessionAndSwitchesTheAskingClient() {
        SwitchOutcome outcome = service.openProject(SIDEBAR_TWO, "/src/api/");

        assertThat(outcome).isEqualTo(new SwitchOutcome.Switched("/dev/pts/2"));
        assertThat(tmux.creates).isEmpty();
        assertThat(tmux.switches).containsExactly(new SwitchCall("/dev/pts/2", SessionName.of("api")));
    }

    @Test
    void openingANewProjectCreatesASessionNamedAfterItsFolder() {
        SwitchOutcome outcome = service.openProject(SIDEBAR_ONE, "/home/ada/Documents/my.site");

        assertThat(tmux.creates).containsExactly(new CreateCall("my_site", "/home/ada/Documents/my.site"));
        assertThat(outcome).as("switched before the state knows the session")
                .isEqualTo(new SwitchOutcome.Switched("/dev/pts/1"));
        assertThat(tmux.switches).containsExactly(new SwitchCall("/dev/pts/1", SessionName.of("my_site")));
    }

    @Test
    void aNameTakenByAnotherFolderGetsASuffix() {
        service.openProject(SIDEBAR_ONE, "/home/ada/forks/web");

        assertThat(tmux.creates).containsExactly(new CreateCall("web-2", "/home/ada/forks/web"));
    }

    @Test
    void aFolderWithoutANameOrAFailingMultiplexerIsAFailedOutcome() {
        assertThat(service.openProject(SIDEBAR_ONE, "/")).isInstanceOf(SwitchOutcome.Failed.class);
        tmux.failing = true;
        assertThat(service.openProject(SIDEBAR_ONE, "/home/ada/new")).isInstanceOf(SwitchOutcome.Failed.class);
        assertThat(tmux.switches).isEmpty();
    }

    @Test
    void onlyRealPortsOpenInTheBrowser() {
        service.openPort(0);
        service.openPort(3000);
        service.openPort(65536);

        assertThat(system.openedUrls).containsExactly("http://localhost:3000");
    }

    @Test
    void multiplexerFailuresNeverReachTheSidebar() {
        tmux.failing = true;

        service.focusAgent(SIDEBAR_ONE, PaneId.of("%3"));
        service.killPane(PaneId.of("%3"));
        service.killSessions(SIDEBAR_ONE, List.of(SessionName.of("web")));
        service.openDiff(SIDEBAR_ONE, SessionName.of("web"), DiffPlace.WINDOW);

        assertThat(tmux.focuses).isEmpty();
        assertThat(tmux.kills).isEmpty();
    }

    private void done(String pane, String thread) {
        harness.agents.record(new RecordAgentEventUseCase.Command("claude-code", AgentStatus.DONE, null, null, thread,
                null, null, null, null, PaneId.of(pane)));
    }

    private static Session session(String name, int pane) {
        return FakeSessionSource.session(name, "/src/" + name, pane);
    }

    private static List<SessionName> names(String... values) {
        return Arrays.stream(values).map(SessionName::of).toList();
    }
}
