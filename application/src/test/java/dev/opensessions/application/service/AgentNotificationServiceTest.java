package dev.opensessions.application.service;

import dev.opensessions.application.port.in.RecordAgentEventUseCase;
import dev.opensessions.application.port.out.SidebarOutput;
import dev.opensessions.application.port.out.UserCommand;
import dev.opensessions.application.testkit.Await;
import dev.opensessions.application.testkit.FakeMultiplexer;
import dev.opensessions.application.testkit.FakeSessionSource;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.notify.NotificationSettings;
import dev.opensessions.domain.notify.TerminalNotification;
import dev.opensessions.domain.session.Client;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.Topology;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class AgentNotificationServiceTest {

    private final Harness harness = new Harness();
    private final FakeMultiplexer tmux = new FakeMultiplexer();
    private final List<String> written = new CopyOnWriteArrayList<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final SidebarOutput sidebars = (pane, sequence) -> {
        written.add(pane + " " + sequence);
        return SidebarOutput.WriteOutcome.Queued.now();
    };
    private final UserCommand command = (argv, stdin, timeout) -> {
        commands.add(String.join(" ", argv) + " <- " + stdin.strip());
        return new UserCommand.StartOutcome.Started();
    };

    /** Runs handed-over work after each event, as the server's own thread does after the event's recording. */
    private final List<Runnable> handedOver = new ArrayList<>();

    private RecordAgentEventService agents(NotificationSettings settings) {
        AgentNotificationService service = new AgentNotificationService(harness.owner, tmux, sidebars, command,
                settings, harness.clock, handedOver::add);
        return new RecordAgentEventService(harness.owner, service);
    }

    @Test
    void aWaitNobodyLooksAtIsToldOnEveryClientAndItsTerminal() {
        layout(PaneId.of("%0"), PaneId.of("%1"));
        tmux.passthrough.put("/dev/pts/1", PaneId.of("%8"));
        tmux.passthrough.put("/dev/pts/2", PaneId.of("%8"));

        event(agents(NotificationSettings.defaults()), "t1", AgentStatus.WAITING, 2);

        assertThat(tmux.messages).containsExactly("/dev/pts/1: opensessions: codex in web waits for you",
                "/dev/pts/2: opensessions: codex in web waits for you");
        assertThat(written).containsExactly(
                "%8 \u001bPtmux;\u001b\u001b]9;opensessions: codex in web waits for you\u0007\u001b\\");
    }

    @Test
    void anAgentSomebodyLooksAtIsNotTold() {
        layout(PaneId.of("%0"), PaneId.of("%2"));

        event(agents(NotificationSettings.defaults()), "t1", AgentStatus.WAITING, 2);

        assertThat(tmux.messages).isEmpty();
    }

    @Test
    void runningIsNeverToldAndTheSameThreadWaitsForTheCooldown() {
        layout(PaneId.of("%0"), PaneId.of("%1"));
        RecordAgentEventService agents = agents(NotificationSettings.defaults());

        event(agents, "t1", AgentStatus.RUNNING, 2);
        event(agents, "t1", AgentStatus.DONE, 2);
        event(agents, "t1", AgentStatus.RUNNING, 2);
        event(agents, "t1", AgentStatus.ERROR, 2);
        harness.clock.advance(Duration.ofSeconds(31));
        event(agents, "t1", AgentStatus.RUNNING, 2);
        event(agents, "t1", AgentStatus.INTERRUPTED, 2);

        assertThat(tmux.messages).containsExactly("/dev/pts/1: opensessions: codex in web is done",
                "/dev/pts/2: opensessions: codex in web is done",
                "/dev/pts/1: opensessions: codex in web was interrupted",
                "/dev/pts/2: opensessions: codex in web was interrupted");
    }

    @Test
    void aBurstWakesTheNotificationThreadOnceAndTransitionsInTheCooldownNotAtAll() {
        layout(PaneId.of("%0"), PaneId.of("%1"));
        RecordAgentEventService agents = agents(NotificationSettings.defaults());

        record(agents, "t1", AgentStatus.WAITING, 2);
        record(agents, "t2", AgentStatus.DONE, 2);
        record(agents, "t3", AgentStatus.ERROR, 2);
        assertThat(handedOver).hasSize(1);
        List<Runnable> work = List.copyOf(handedOver);
        handedOver.clear();
        work.forEach(Runnable::run);
        // Told: each thread is now in its cooldown, and its next notifiable transitions hand nothing over.
        record(agents, "t1", AgentStatus.RUNNING, 2);
        record(agents, "t1", AgentStatus.DONE, 2);
        record(agents, "t2", AgentStatus.RUNNING, 2);
        record(agents, "t2", AgentStatus.WAITING, 2);

        assertThat(handedOver).isEmpty();
        assertThat(tmux.messages).containsExactly("/dev/pts/1: opensessions: codex in web waits for you",
                "/dev/pts/2: opensessions: codex in web waits for you",
                "/dev/pts/1: opensessions: codex in web is done",
                "/dev/pts/2: opensessions: codex in web is done",
                "/dev/pts/1: opensessions: codex in web failed",
                "/dev/pts/2: opensessions: codex in web failed");
    }

    @Test
    void theUsersCommandGetsTheEventAsJsonAndAnOffSwitchSilencesEverything() {
        layout(PaneId.of("%0"), PaneId.of("%1"));
        NotificationSettings withCommand = new NotificationSettings(true, Set.of(), NotificationSettings.NOTIFIABLE,
                null, Duration.ZERO, false, TerminalNotification.OFF, List.of("notify-send", "hi"), Duration.ofSeconds(5));

        event(agents(withCommand), "t1", AgentStatus.WAITING, 2);
        event(agents(NotificationSettings.off()), "t2", AgentStatus.WAITING, 2);

        assertThat(tmux.messages).isEmpty();
        assertThat(written).isEmpty();
        assertThat(commands).containsExactly("notify-send hi <- {\"session\":\"web\",\"agent\":\"codex\","
                + "\"thread\":\"t1\",\"threadName\":null,\"pane\":\"%2\",\"from\":null,\"status\":\"waiting\","
                + "\"at\":\"2026-11-24T10:00:00Z\",\"message\":\"codex in web waits for you\"}");
    }

    @Test
    void theMessagesWaitUntilTmuxHasReadTheTerminalNotification() throws InterruptedException {
        layout(PaneId.of("%0"), PaneId.of("%1"));
        tmux.passthrough.put("/dev/pts/1", PaneId.of("%8"));
        tmux.passthrough.put("/dev/pts/2", PaneId.of("%8"));
        CompletableFuture<Void> read = new CompletableFuture<>();
        SidebarOutput answeredLater = (pane, sequence) -> {
            written.add(pane + " " + sequence);
            return new SidebarOutput.WriteOutcome.Queued(read);
        };
        AgentNotificationService service = new AgentNotificationService(harness.owner, tmux, answeredLater, command,
                NotificationSettings.defaults(), harness.clock, handedOver::add);

        record(new RecordAgentEventService(harness.owner, service), "t1", AgentStatus.WAITING, 2);
        List<Runnable> work = List.copyOf(handedOver);
        Thread delivering = Thread.ofVirtual().start(() -> work.forEach(Runnable::run));
        Await.until(() -> delivering.getState() == Thread.State.TIMED_WAITING, Duration.ofSeconds(5),
                "the delivery waiting for tmux");
        assertThat(written).hasSize(1);
        assertThat(tmux.messages).isEmpty();

        read.complete(null);
        delivering.join(Duration.ofSeconds(5));
        assertThat(tmux.messages).hasSize(2);
    }

    @Test
    void changedSettingsTakeEffectForTheNextTransition() {
        layout(PaneId.of("%0"), PaneId.of("%1"));
        AgentNotificationService service = new AgentNotificationService(harness.owner, tmux, sidebars, command,
                NotificationSettings.defaults(), harness.clock, handedOver::add);
        RecordAgentEventService agents = new RecordAgentEventService(harness.owner, service);
        NotificationSettings errorsOnly = new NotificationSettings(true, Set.of(), Set.of(AgentStatus.ERROR),
                null, Duration.ZERO, true, TerminalNotification.OFF, List.of(), Duration.ofSeconds(5));

        service.use(errorsOnly);
        event(agents, "t1", AgentStatus.WAITING, 2);
        assertThat(tmux.messages).isEmpty();

        service.use(NotificationSettings.off());
        event(agents, "t2", AgentStatus.ERROR, 2);
        assertThat(tmux.messages).isEmpty();

        service.use(errorsOnly);
        event(agents, "t3", AgentStatus.ERROR, 2);
        assertThat(tmux.messages).containsExactly("/dev/pts/1: opensessions: codex in web failed",
                "/dev/pts/2: opensessions: codex in web failed");
        assertThat(service.settings()).isEqualTo(errorsOnly);
    }

    private void layout(PaneId first, PaneId second) {
        harness.mux.push(new Topology(List.of(FakeSessionSource.session("api", "/src/api", 0),
                FakeSessionSource.session("api2", "/src/api2", 1), FakeSessionSource.session("web", "/src/web", 2)),
                Set.of(first, second), new ArrayList<>(List.of(
                new Client("/dev/pts/1", SessionName.of("api"), first),
                new Client("/dev/pts/2", SessionName.of("api2"), second)))));
    }

    private void event(RecordAgentEventService agents, String thread, AgentStatus status, int pane) {
        record(agents, thread, status, pane);
        List<Runnable> work = List.copyOf(handedOver);
        handedOver.clear();
        work.forEach(Runnable::run);
    }

    private void record(RecordAgentEventService agents, String thread, AgentStatus status, int pane) {
        agents.record(new RecordAgentEventUseCase.Command("codex", status, SessionName.of("web"), null, thread, null,
                null, harness.clock.instant(), null, PaneId.of("%" + pane)));
    }
}
