package dev.opensessions.sidebar.runtime;

import dev.opensessions.application.port.in.HideSessionUseCase;
import dev.opensessions.application.port.in.JumpToNextUseCase;
import dev.opensessions.application.port.in.QuitUseCase;
import dev.opensessions.application.port.in.RefreshUseCase;
import dev.opensessions.application.port.in.ReorderSessionUseCase;
import dev.opensessions.application.port.in.ShowAllSessionsUseCase;
import dev.opensessions.application.port.in.SidebarActionsUseCase;
import dev.opensessions.application.port.in.SidebarSettingsUseCase;
import dev.opensessions.application.port.in.SwitchSessionUseCase.SwitchOutcome;
import dev.opensessions.application.port.in.SwitchSessionUseCase;
import dev.opensessions.domain.agent.ThreadKey;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.sidebar.DiffPlace;
import dev.opensessions.domain.sidebar.SessionFilter;
import dev.opensessions.domain.sidebar.ThemeChoice;
import dev.opensessions.sidebar.model.Effect;
import dev.opensessions.sidebar.model.Msg;
import org.junit.jupiter.api.Test;

import dev.opensessions.application.testkit.Await;

import java.lang.reflect.Proxy;
import java.time.Duration;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.StatusTransition;
import dev.opensessions.domain.agent.ThreadKey;
import dev.opensessions.domain.agent.WaitFigures;
import dev.opensessions.domain.agent.WaitReport;
import dev.opensessions.domain.agent.WaitStatistics;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class UseCaseEffectsTest {

    private static final PaneId PANE = PaneId.of("%7");
    private static final SessionName WEB = SessionName.of("web");

    private final List<String> calls = new ArrayList<>();
    private final List<Msg> replies = new java.util.concurrent.CopyOnWriteArrayList<>();
    private boolean fzf = true;

    private final UseCaseEffects effects = new UseCaseEffects(new UseCaseEffects.UseCases(
            recorder(SwitchSessionUseCase.class), recorder(QuitUseCase.class), recorder(HideSessionUseCase.class),
            recorder(ShowAllSessionsUseCase.class), recorder(ReorderSessionUseCase.class),
            recorder(SidebarActionsUseCase.class), recorder(SidebarSettingsUseCase.class),
            recorder(RefreshUseCase.class), recorder(JumpToNextUseCase.class), since -> WAITS, Clock.fixed(NOW, ZoneOffset.UTC)));

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    /** One wait of 2 min in web, read over the last day. */
    private static final WaitReport WAITS = WaitStatistics.compute(List.of(
            new StatusTransition(SessionName.of("web"), new ThreadKey("amp"), AgentStatus.RUNNING, AgentStatus.WAITING,
                    NOW.minusSeconds(300)),
            new StatusTransition(SessionName.of("web"), new ThreadKey("amp"), AgentStatus.WAITING, AgentStatus.RUNNING,
                    NOW.minusSeconds(180))), List.of(), NOW.minus(Duration.ofDays(1)), NOW);

    @Test
    void waitFiguresAreReadForTheLastDayAndComeBackAsAMessage() {
        run(new Effect.LoadWaits(SessionName.of("web")));

        // Read off the pane's thread: the answer comes back as a message.
        Await.until(() -> !replies.isEmpty(), Await.DEFAULT, "the wait figures");
        assertThat(replies).singleElement().isEqualTo(new Msg.WaitsLoaded(SessionName.of("web"),
                new WaitFigures(1, Duration.ofMinutes(2), Duration.ofMinutes(2), Duration.ofMinutes(2), Duration.ofMinutes(3))));
    }

    @Test
    void sessionEffectsReachTheirUseCasesForThePaneThatAsked() {
        run(new Effect.SwitchSession(WEB));
        run(new Effect.HideSession(SessionName.of("old")));
        run(new Effect.ShowAllSessions());
        run(new Effect.ArrangeSessions(List.of(WEB, SessionName.of("api"))));
        run(new Effect.QuitServer());
        run(new Effect.Refresh());
        run(new Effect.JumpNext());

        assertThat(calls).containsExactly("switchFrom %7 web", "hide old", "showAll",
                "arrange [web, api]", "quit", "refresh", "jumpNextFrom %7");
    }

    @Test
    void agentAndTmuxEffectsActForTheAskingPane() {
        run(new Effect.FocusAgent(PaneId.of("%3")));
        run(new Effect.MarkAgentSeen(WEB, new ThreadKey("amp:t1")));
        run(new Effect.DismissAgent(WEB, new ThreadKey("amp:t1")));
        run(new Effect.KillAgentPane(PaneId.of("%3")));
        run(new Effect.KillSessions(List.of(WEB)));
        run(new Effect.OpenDiff(WEB, DiffPlace.WINDOW));
        run(new Effect.OpenProject("/home/me/src/app"));
        run(new Effect.OpenPort(5173));

        assertThat(calls).containsExactly("focusAgent %7 %3", "markAgentSeen web amp:t1", "dismissAgent web amp:t1", "killPane %3",
                "killSessions %7 [web]", "openDiff %7 web WINDOW", "openProject %7 /home/me/src/app",
                "openPort 5173");
    }

    @Test
    void settingsEffectsReachTheSharedSettings() {
        run(new Effect.SetTheme(ThemeChoice.named("nord")));
        run(new Effect.SetWidth(30));
        run(new Effect.SetFilter(SessionFilter.RUNNING));
        run(new Effect.SetGroupCollapsed("/repo/.git", true));
        run(new Effect.SetDetailHeight(12));

        assertThat(calls).containsExactly("setTheme ThemeChoice[name=nord, palette={}]", "setWidth 30",
                "setFilter RUNNING", "setGroupCollapsed /repo/.git true", "setDetailHeight 12");
    }

    @Test
    void newSessionOpensTheSessionizerPopupWhenFzfIsThere() {
        run(new Effect.NewSession());

        assertThat(calls).containsExactly("openSessionizer %7");
        assertThat(replies).isEmpty();
    }

    @Test
    void newSessionWithoutFzfAnswersWithTheFoldersForTheBuiltInPicker() {
        fzf = false;

        run(new Effect.NewSession());

        assertThat(calls).containsExactly("openSessionizer %7", "projectDirectories");
        assertThat(replies).containsExactly(new Msg.ProjectsListed(List.of("/home/me/src"),
                System.getProperty("user.home", "")));
    }

    @Test
    void runtimeEffectsNeverReachTheCore() {
        run(new Effect.ClosePane());
        run(new Effect.Later(Duration.ofMillis(80), new Msg.Timer("width", 1)));
        run(new Effect.ShareFocus(WEB, SessionName.of("api")));

        assertThat(calls).isEmpty();
    }

    private void run(Effect effect) {
        effects.run(PANE, effect, replies::add);
    }

    @Test
    void aPortThatCouldNotBeOpenedIsToldInThePane() {
        run(new Effect.OpenPort(1));

        assertThat(replies).containsExactly(new Msg.Told("cannot open the port", "xdg-open is not installed"));
    }

    /** A use case that writes each call as "method arg arg" and answers with a fixed, plausible value. */
    private <T> T recorder(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            String shown = args == null ? "" : Arrays.stream(args).map(String::valueOf)
                    .collect(Collectors.joining(" ", " ", ""));
            calls.add(method.getName() + shown);
            return switch (method.getName()) {
                case "switchFrom", "openProject" -> new SwitchOutcome.Switched("/dev/pts/1");
                case "openSessionizer" -> fzf;
                case "projectDirectories" -> List.of("/home/me/src");
                case "openPort" -> args[0].equals(1) ? java.util.Optional.of("xdg-open is not installed")
                        : java.util.Optional.empty();
                default -> method.getReturnType() == boolean.class ? Boolean.TRUE : null;
            };
        }));
    }
}
