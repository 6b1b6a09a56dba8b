package dev.opensessions.application.service;

import dev.opensessions.application.port.out.AgentProcessReader.RunningAgent;
import dev.opensessions.application.port.out.PaneActivity;
import dev.opensessions.application.port.out.PaneScreens;
import dev.opensessions.application.testkit.FakeAgentProcesses;
import dev.opensessions.application.testkit.MutableClock;
import dev.opensessions.domain.agent.screen.AgentProgram;
import dev.opensessions.domain.agent.screen.ScreenRule;
import dev.opensessions.domain.agent.screen.ScreenState;
import dev.opensessions.domain.session.PaneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import static dev.opensessions.application.testkit.Await.until;
import static org.assertj.core.api.Assertions.assertThat;

class ScreenWatchServiceTest {

    private static final PaneId GEMINI = PaneId.of("%1");
    private static final PaneId AIDER = PaneId.of("%2");
    private static final PaneId SHELL = PaneId.of("%3");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T01:00:00Z"));
    private final FakeAgentProcesses processes = new FakeAgentProcesses();
    private final Activity activity = new Activity();
    private final Map<PaneId, List<String>> shown = new ConcurrentHashMap<>();
    private final List<PaneId> captured = new CopyOnWriteArrayList<>();
    private final PaneScreens screens = new PaneScreens() {
        @Override
        public Optional<List<String>> visible(PaneId pane) {
            captured.add(pane);
            return Optional.ofNullable(shown.get(pane));
        }
    };
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final ScreenWatchService watch = new ScreenWatchService(processes, activity, screens,
            List.of(rule("gemini", "Allow execution", "esc to cancel"), rule("aider", "\\(Y\\)es/\\(N\\)o", "Waiting for")),
            clock, executor);
    private final List<Map<PaneId, PaneScreen>> told = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        watch.close();
    }

    @Test
    void onlyThePanesHoldingARuledAgentAreWatchedAndReadEachWithItsAgentsRule() {
        processes.set(agent("gemini", GEMINI), agent("aider", AIDER), agent("codex", SHELL));
        shown.put(GEMINI, List.of("Allow execution of 'rm'?", ""));
        shown.put(AIDER, List.of("> fix it", "Waiting for sonnet"));
        start();

        until(() -> watch.current().size() == 2);
        assertThat(activity.watched).isEqualTo(Set.of(GEMINI, AIDER));
        assertThat(captured).containsExactlyInAnyOrder(GEMINI, AIDER);
        assertThat(watch.current().get(GEMINI).reading().state()).isEqualTo(ScreenState.WAITING);
        assertThat(watch.current().get(GEMINI).reading().matched()).containsExactly("Allow execution of 'rm'?");
        assertThat(watch.current().get(AIDER).reading().state()).isEqualTo(ScreenState.WORKING);
    }

    @Test
    void withoutAnAgentPaneNothingIsWatchedReadOrScheduled() throws Exception {
        processes.set(agent("codex", SHELL));
        start();

        until(() -> activity.watches.size() == 1);
        assertThat(activity.watched).isEmpty();
        assertThat(watch.captures()).isZero();
        assertThat(watch.polling()).isFalse();
    }

    @Test
    void aPaneThatPrintsIsReadUntilItHasBeenQuietForTheHotTimeThenNoTimerIsLeft() {
        processes.set(agent("gemini", GEMINI));
        shown.put(GEMINI, List.of("> Type your message"));
        start();
        until(() -> watch.captures() == 1);

        shown.put(GEMINI, List.of("⠋ Thinking (esc to cancel, 2s)"));
        activity.print(GEMINI);
        until(() -> stateOf(GEMINI) == ScreenState.WORKING);
        until(() -> watch.captures() >= 3);
        assertThat(watch.polling()).as("read again while it prints").isTrue();

        shown.put(GEMINI, List.of("Allow execution of 'rm'?"));
        until(() -> stateOf(GEMINI) == ScreenState.WAITING);
        clock.advance(ScreenWatchService.HOT);
        until(() -> !watch.polling());
        long after = watch.captures();
        assertThat(told).isNotEmpty();
        assertThat(stillHolds(() -> watch.captures() == after)).isTrue();
    }

    @Test
    void aPaneWhoseOutputIsReportedAsItHappensIsReadOnceItSettledAndNoTimerIsLeftAfterOneMoreRead() {
        processes.set(agent("gemini", GEMINI));
        shown.put(GEMINI, List.of("> Type your message"));
        start();
        until(() -> watch.captures() == 1);
        activity.exact = true;
        clock.advance(ScreenWatchService.POLL);

        shown.put(GEMINI, List.of("⠋ Thinking (esc to cancel, 2s)"));
        for (int i = 0; i < 5; i++) {
            activity.print(GEMINI);
        }

        until(() -> stateOf(GEMINI) == ScreenState.WORKING);
        clock.advance(ScreenWatchService.POLL);
        until(() -> !watch.polling());
        long after = watch.captures();
        assertThat(stillHolds(() -> watch.captures() == after)).isTrue();
    }

    @Test
    void anAgentThatLeavesItsPaneIsNoLongerWatchedOrShown() {
        processes.set(agent("gemini", GEMINI));
        shown.put(GEMINI, List.of("Allow execution of 'rm'?"));
        start();
        until(() -> watch.current().containsKey(GEMINI));

        processes.change();

        until(() -> watch.current().isEmpty());
        assertThat(activity.watched).isEmpty();
        assertThat(told.getLast()).isEmpty();
    }

    @Test
    void outputInAPaneWithoutAnAgentIsIgnored() {
        processes.set(agent("gemini", GEMINI));
        shown.put(GEMINI, List.of("> Type your message"));
        start();
        until(() -> watch.captures() == 1);

        activity.print(SHELL);

        assertThat(stillHolds(() -> watch.captures() == 1)).isTrue();
        assertThat(captured).doesNotContain(SHELL);
    }

    @Test
    void newRulesLookAtThePanesAgain() {
        processes.set(agent("goose", SHELL));
        shown.put(SHELL, List.of("( O)> "));
        start();
        until(() -> activity.watches.size() == 1);
        assertThat(watch.current()).isEmpty();

        watch.rules(List.of(rule("goose", "Allow\\?", "thinking")));

        until(() -> watch.current().containsKey(SHELL));
        assertThat(watch.current().get(SHELL).reading()).as("nothing the rule knows").isNull();
        assertThat(activity.watched).containsExactly(SHELL);
    }

    private void start() {
        watch.onChange(told::add);
        watch.start();
    }

    /** True when the condition still holds after half a second. */
    /**
     * The screen state the watch shows for a pane, or null while it shows none: a capture is counted before
     * its reading is published, so a wait that starts after the count may still find the pane missing.
     */
    private ScreenState stateOf(PaneId pane) {
        PaneScreen screen = watch.current().get(pane);
        return screen == null || screen.reading() == null ? null : screen.reading().state();
    }

    private static boolean stillHolds(java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + 500_000_000L;
        while (System.nanoTime() < end) {
            if (!condition.getAsBoolean()) {
                return false;
            }
            Thread.onSpinWait();
        }
        return condition.getAsBoolean();
    }

    private static RunningAgent agent(String agent, PaneId pane) {
        return new RunningAgent(agent, 100, agent, pane, null);
    }

    private static ScreenRule rule(String agent, String waiting, String working) {
        return new ScreenRule(agent, agent, "written for this test",
                new AgentProgram(agent, Set.of(agent), Set.of(), List.of()), 10,
                Map.of(ScreenState.WAITING, List.of(Pattern.compile(waiting)),
                        ScreenState.WORKING, List.of(Pattern.compile(working))));
    }

    /** Pane activity told by hand; records what it is asked to watch. */
    private static final class Activity implements PaneActivity {

        private final List<Consumer<Set<PaneId>>> listeners = new CopyOnWriteArrayList<>();
        private final List<Set<PaneId>> watches = new CopyOnWriteArrayList<>();
        private volatile Set<PaneId> watched = Set.of();
        private volatile boolean exact;

        @Override
        public boolean exact(PaneId pane) {
            return exact;
        }

        @Override
        public void watch(Set<PaneId> panes) {
            watched = Set.copyOf(panes);
            watches.add(watched);
        }

        @Override
        public void onActivity(Consumer<Set<PaneId>> listener) {
            listeners.add(listener);
        }

        void print(PaneId pane) {
            listeners.forEach(l -> l.accept(Set.of(pane)));
        }
    }
}
