package dev.opensessions.application.service;

import dev.opensessions.application.port.in.ClientContext;
import dev.opensessions.application.state.ServerState;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.application.testkit.FakeSidebarPanes;
import dev.opensessions.application.testkit.FakeSidebarPanes.Maintained;
import dev.opensessions.application.testkit.MutableClock;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.WindowId;
import dev.opensessions.domain.sidebar.SidebarPhase;
import dev.opensessions.domain.sidebar.SidebarPresence;
import dev.opensessions.domain.sidebar.SidebarSettings;
import dev.opensessions.domain.sidebar.SidebarSide;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** Where sidebars dock: the tmux option over config over left, chosen at start and at every show. */
class SidebarDockingTest {

    private static final ClientContext ORIGIN = ClientContext.of("/dev/pts/1", SessionName.of("api"),
            WindowId.of("@1"), PaneId.of("%1"), true);
    private static final Logger CHOICE_LOG = Logger.getLogger(SidebarSideChoice.class.getName());

    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    private final FakeSidebarPanes panes = new FakeSidebarPanes().window("@1").client("/dev/pts/1", "@1");
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureWarnings() {
        CHOICE_LOG.addHandler(capture);
    }

    @AfterEach
    void release() {
        CHOICE_LOG.removeHandler(capture);
        scheduler.shutdownNow();
    }

    @Test
    void atStartTheConfiguredSideIsDockedBeforeThePanesAreToldToShow() {
        StateOwner owner = owner(true, SidebarSide.RIGHT);

        new SidebarPresenceService(owner, panes, scheduler).restore();

        assertThat(owner.current().presence()).isEqualTo(new SidebarPresence(true, SidebarPhase.READY, SidebarSide.RIGHT));
        assertThat(panes.docked).containsExactly(SidebarSide.RIGHT);
        assertThat(panes.maintained).containsExactly(new Maintained(true, SidebarSettings.DEFAULT_WIDTH));
    }

    @Test
    void theTmuxOptionWinsOverTheConfig() {
        StateOwner owner = owner(true, SidebarSide.RIGHT);
        panes.sideOption = "left";

        new SidebarPresenceService(owner, panes, scheduler).restore();

        assertThat(owner.current().presence().side()).isEqualTo(SidebarSide.LEFT);
        assertThat(panes.docked).containsExactly(SidebarSide.LEFT);
        assertThat(warnings).isEmpty();
    }

    @Test
    void anUnreadableOptionFallsBackToTheConfig() {
        StateOwner owner = owner(true, SidebarSide.RIGHT);
        panes.sideOptionFailing = true;

        new SidebarPresenceService(owner, panes, scheduler).restore();

        assertThat(panes.docked).containsExactly(SidebarSide.RIGHT);
    }

    @Test
    void aShowReadsTheOptionAgainSoAChangeAppliesWithoutARestart() {
        StateOwner owner = owner(true, SidebarSide.LEFT);
        SidebarPresenceService service = new SidebarPresenceService(owner, panes, scheduler);
        service.restore();
        panes.sideOption = "right";

        service.ensure(ORIGIN);
        assertThat(panes.docked).as("sidebars already shown keep their side").containsExactly(SidebarSide.LEFT);
        service.toggle(ORIGIN);
        service.toggle(ORIGIN);

        assertThat(panes.docked).containsExactly(SidebarSide.LEFT, SidebarSide.RIGHT);
        assertThat(owner.current().presence().side()).isEqualTo(SidebarSide.RIGHT);
        assertThat(panes.maintained.getLast()).isEqualTo(new Maintained(true, SidebarSettings.DEFAULT_WIDTH));
        assertThat(panes.openedWindows()).as("by the ensure, then by the show").containsExactly("@1", "@1");
    }

    @Test
    void aBadOptionDocksLeftAndIsWarnedAboutOnce() {
        StateOwner owner = owner(false, SidebarSide.RIGHT);
        SidebarPresenceService service = new SidebarPresenceService(owner, panes, scheduler);
        panes.sideOption = "top";

        service.restore();
        service.toggle(ORIGIN);
        service.toggle(ORIGIN);
        service.toggle(ORIGIN);

        assertThat(panes.docked).containsExactly(SidebarSide.LEFT, SidebarSide.LEFT, SidebarSide.LEFT);
        assertThat(warnings).hasSize(1).first().asString().contains("'top'").contains("left");
    }

    private static StateOwner owner(boolean visible, SidebarSide configured) {
        Instant t0 = Instant.parse("2026-11-24T10:00:00Z");
        ServerState initial = ServerState.of(StateSnapshot.initial(t0))
                .withSidebar(SidebarSettings.defaults().withPosition(configured))
                .withPresence(new SidebarPresence(visible, SidebarPhase.READY));
        return new StateOwner(new MutableClock(t0), initial);
    }
}
