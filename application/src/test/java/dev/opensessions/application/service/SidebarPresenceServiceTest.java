package dev.opensessions.application.service;

import dev.opensessions.application.port.in.ClientContext;
import dev.opensessions.application.state.Change;
import dev.opensessions.application.state.ServerState;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.application.testkit.Await;
import dev.opensessions.application.testkit.FakeSidebarPanes;
import dev.opensessions.application.testkit.FakeSidebarPanes.Maintained;
import dev.opensessions.application.testkit.MutableClock;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.WindowId;
import dev.opensessions.domain.sidebar.SidebarPhase;
import dev.opensessions.domain.sidebar.SidebarPresence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import static org.assertj.core.api.Assertions.assertThat;

class SidebarPresenceServiceTest {

    private static final long STAGGER_NANOS = SidebarPresenceService.STAGGER.toNanos();
    private static final ClientContext ORIGIN = ClientContext.of("/dev/pts/1", SessionName.of("api"),
            WindowId.of("@3"), PaneId.of("%1"), true);

    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    private final FakeSidebarPanes panes = new FakeSidebarPanes().window("@1", "@2", "@3", "@4").client("/dev/pts/1", "@3");
    private StateOwner owner = owner(false);
    private SidebarPresenceService service = new SidebarPresenceService(owner, panes, scheduler);

    SidebarPresenceServiceTest() {
        // Cancelled timers leave the queue at once, so an empty queue means nothing is scheduled.
        scheduler.setRemoveOnCancelPolicy(true);
    }

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    @Test
    void hidingClosesEverySidebarAndKeepsThemHidden() {
        shown();
        panes.withSidebar("@1");
        panes.withSidebar("@3");

        service.toggle(ORIGIN);

        assertThat(presence()).isEqualTo(new SidebarPresence(false, SidebarPhase.READY));
        assertThat(panes.maintained).containsExactly(new Maintained(false, 26));
        assertThat(panes.closeAlls()).isEqualTo(1);
        assertThat(panes.sidebars()).isEmpty();
    }

    @Test
    void shownButNotSeenInTheCallersWindowIsShownByTheToggleNotHidden() {
        shown();
        panes.withSidebar("@1");

        service.toggle(ORIGIN);
        Await.until(() -> panes.opened.size() == 3, Duration.ofSeconds(5), "three sidebars opened");

        assertThat(panes.closeAlls()).as("nothing hidden").isZero();
        assertThat(panes.openedWindows()).containsExactly("@3", "@2", "@4");
        assertThat(presence().visible()).isTrue();
    }

    @Test
    void aToggleWithoutAWindowToLookAtHidesWhatIsShown() {
        shown();
        panes.withSidebar("@1");

        service.toggle(ClientContext.none());

        assertThat(panes.closeAlls()).isEqualTo(1);
        assertThat(presence().visible()).isFalse();
    }

    @Test
    void showFillsEveryWindowWhetherTheSidebarsWereShownOrHidden() {
        shown();
        panes.withSidebar("@3");

        service.show(ORIGIN);
        Await.until(() -> panes.opened.size() == 3, Duration.ofSeconds(5), "three sidebars opened");
        service.show(ORIGIN);

        assertThat(panes.openedWindows()).containsExactly("@1", "@2", "@4");
        assertThat(panes.closeAlls()).isZero();
        assertThat(presence().visible()).isTrue();
    }

    @Test
    void showingOpensTheOriginWindowAtOnceAndTheRestStaggered() {
        long start = System.nanoTime();
        service.toggle(ORIGIN);
        long returned = System.nanoTime();

        assertThat(panes.opened.getFirst().atNanos()).as("the origin window before toggle returns").isLessThan(returned);
        assertThat(presence()).isEqualTo(new SidebarPresence(true, SidebarPhase.WARMING));
        assertThat(panes.maintained).containsExactly(new Maintained(true, 26));
        Await.until(() -> panes.opened.size() == 4, Duration.ofSeconds(5), "four sidebars opened");
        assertThat(panes.openedWindows()).containsExactly("@3", "@1", "@2", "@4");
        for (int k = 1; k < 4; k++) {
            assertThat(panes.opened.get(k).atNanos() - start).as("spawn %d is never early", k)
                    .isGreaterThanOrEqualTo(k * STAGGER_NANOS);
        }
    }

    @Test
    void warmUpEndsWhenEveryNewSidebarHasConnected() {
        panes.vanish("@4");
        long start = System.nanoTime();
        service.toggle(ORIGIN);
        Await.until(() -> panes.opened.size() == 3, Duration.ofSeconds(5), "three sidebars opened");

        service.identified(panes.opened.get(0).pane());
        service.identified(panes.opened.get(1).pane());
        assertThat(presence().phase()).isEqualTo(SidebarPhase.WARMING);
        service.identified(panes.opened.get(2).pane());

        assertThat(presence()).isEqualTo(new SidebarPresence(true, SidebarPhase.READY));
        assertThat(System.nanoTime() - start).as("ended by the last connection, not the timeout")
                .isLessThan(SidebarPresenceService.WARMUP_TIMEOUT.toNanos());
        assertThat(service.lastFailures()).isEmpty();
        assertThat(scheduler.getQueue()).as("no timer left while idle").isEmpty();
    }

    @Test
    void aSidebarThatNeverConnectsEndsTheWarmUpAsAPresenceFailure() {
        panes.vanish("@4");
        long start = System.nanoTime();
        service.toggle(ORIGIN);
        Await.until(() -> panes.opened.size() == 3, Duration.ofSeconds(5), "three sidebars opened");
        service.identified(panes.opened.get(0).pane());
        service.identified(panes.opened.get(2).pane());

        Await.until(() -> presence().phase() == SidebarPhase.READY, Duration.ofSeconds(5), "warm-up over");

        long lastSpawn = panes.opened.get(2).atNanos();
        assertThat(System.nanoTime() - lastSpawn).isGreaterThanOrEqualTo(SidebarPresenceService.WARMUP_TIMEOUT.toNanos());
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(2 * STAGGER_NANOS);
        assertThat(service.lastFailures()).containsExactly("@1");
        assertThat(presence().visible()).isTrue();
        assertThat(scheduler.getQueue()).isEmpty();
    }

    @Test
    void aWindowThatVanishedDuringTheWarmUpIsNoFailure() {
        panes.vanish("@4");
        panes.vanish("@2");
        service.toggle(ORIGIN);
        Await.until(() -> panes.opened.size() == 2, Duration.ofSeconds(5), "two sidebars opened");

        panes.vanish("@1");
        service.identified(panes.opened.get(0).pane());

        assertThat(presence()).isEqualTo(new SidebarPresence(true, SidebarPhase.READY));
        assertThat(service.lastFailures()).isEmpty();
    }

    @Test
    void onlyWindowsWithoutASidebarAreFilled() {
        PaneId existing = panes.withSidebar("@1");
        panes.withSidebar("@3");
        panes.vanish("@4");

        service.toggle(ORIGIN);
        Await.until(() -> presence().phase() == SidebarPhase.WARMING && panes.opened.size() == 1,
                Duration.ofSeconds(5), "one sidebar opened");
        service.identified(existing);
        assertThat(presence().phase()).as("a pane it did not open does not count").isEqualTo(SidebarPhase.WARMING);
        service.identified(panes.opened.getFirst().pane());

        assertThat(panes.openedWindows()).containsExactly("@2");
        assertThat(presence().phase()).isEqualTo(SidebarPhase.READY);
    }

    @Test
    void showingWhereEveryWindowHasASidebarIsReadyAtOnce() {
        panes.withSidebar("@1");
        panes.withSidebar("@2");
        panes.withSidebar("@3");
        panes.withSidebar("@4");

        service.toggle(ORIGIN);

        assertThat(presence()).isEqualTo(new SidebarPresence(true, SidebarPhase.READY));
        assertThat(panes.opened).isEmpty();
        assertThat(scheduler.getQueue()).isEmpty();
    }

    @Test
    void hidingDuringTheWarmUpCancelsTheSpawnsNotYetRun() {
        service.toggle(ORIGIN);
        service.toggle(ORIGIN);
        long hidden = System.nanoTime();

        assertThat(scheduler.getQueue()).as("the pending spawns are gone").isEmpty();
        Await.until(() -> scheduler.getActiveCount() == 0, Duration.ofSeconds(5), "no spawn running");
        assertThat(panes.opened).hasSizeLessThan(4).allMatch(opened -> opened.atNanos() < hidden);
        assertThat(presence()).isEqualTo(new SidebarPresence(false, SidebarPhase.READY));
        assertThat(panes.sidebars()).isEmpty();
    }

    @Test
    void aFailingSpawnIsAPresenceFailure() {
        panes.vanish("@4");
        panes.vanish("@2");
        panes.vanish("@1");
        panes.failing = true;

        service.toggle(ORIGIN);

        assertThat(presence()).isEqualTo(new SidebarPresence(true, SidebarPhase.READY));
        assertThat(service.lastFailures()).containsExactly("@3");
    }

    @Test
    void ensureOpensOneSidebarInTheContextWindowWhenShown() {
        shown();

        service.ensure(ClientContext.of("/dev/pts/1", SessionName.of("api"), WindowId.of("@2"), PaneId.of("%1"), true));
        service.ensure(ClientContext.of("/dev/pts/1", SessionName.of("api"), WindowId.of("@2"), PaneId.of("%1"), true));
        service.ensure(new ClientContext(Optional.of("/dev/pts/1"), Optional.of(SessionName.of("api")),
                Optional.empty(), Optional.empty(), false));

        assertThat(panes.openedWindows()).as("the context window once, then the client's window").containsExactly("@2", "@3");
        assertThat(presence()).as("no warm-up").isEqualTo(new SidebarPresence(true, SidebarPhase.READY));
    }

    @Test
    void hiddenStaysHiddenForEnsure() {
        service.ensure(ORIGIN);
        service.ensure(ClientContext.of("/dev/pts/1", SessionName.of("api"), WindowId.of("@1"), PaneId.of("%1"), true));

        assertThat(panes.opened).isEmpty();
    }

    @Test
    void closingMakesEveryCallANoOp() {
        service.toggle(ORIGIN);
        PaneId first = panes.opened.getFirst().pane();
        owner.apply(state -> Change.of(state.withPresence(state.presence().then(true, SidebarPhase.CLOSING)), null));
        long closing = System.nanoTime();
        int openedBefore = panes.opened.size();
        long version = owner.current().version();

        service.identified(first);
        service.toggle(ORIGIN);
        service.ensure(ClientContext.of("/dev/pts/1", SessionName.of("api"), WindowId.of("@2"), PaneId.of("%1"), true));
        Await.until(() -> scheduler.getQueue().isEmpty() && scheduler.getActiveCount() == 0,
                Duration.ofSeconds(5), "the scheduled spawns ran");

        assertThat(panes.opened).hasSize(openedBefore).hasSizeLessThan(4).allMatch(opened -> opened.atNanos() < closing);
        assertThat(panes.closeAlls()).isZero();
        assertThat(panes.maintained).hasSize(1);
        assertThat(owner.current().version()).isEqualTo(version);
        assertThat(presence()).isEqualTo(new SidebarPresence(true, SidebarPhase.CLOSING));
    }

    @Test
    void anUnknownPaneConnectingChangesNothing() {
        service.toggle(ORIGIN);
        long version = owner.current().version();

        service.identified(PaneId.of("%999"));

        assertThat(owner.current().version()).isEqualTo(version);
        assertThat(presence().phase()).isEqualTo(SidebarPhase.WARMING);
    }

    private void shown() {
        owner = owner(true);
        service = new SidebarPresenceService(owner, panes, scheduler);
    }

    private SidebarPresence presence() {
        return owner.current().presence();
    }

    private static StateOwner owner(boolean visible) {
        Instant t0 = Instant.parse("2026-11-24T10:00:00Z");
        ServerState initial = ServerState.of(StateSnapshot.initial(t0))
                .withPresence(new SidebarPresence(visible, SidebarPhase.READY));
        return new StateOwner(new MutableClock(t0), initial);
    }
}
