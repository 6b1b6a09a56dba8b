package dev.opensessions.sidebar.runtime;

import dev.opensessions.application.port.in.HideSessionUseCase;
import dev.opensessions.application.port.in.JumpToNextUseCase;
import dev.opensessions.application.port.in.QuitUseCase;
import dev.opensessions.application.port.in.ReadWaitStatsUseCase;
import dev.opensessions.application.port.in.RefreshUseCase;
import dev.opensessions.application.port.in.ReorderSessionUseCase;
import dev.opensessions.application.port.in.ShowAllSessionsUseCase;
import dev.opensessions.application.port.in.SidebarActionsUseCase;
import dev.opensessions.application.port.in.SidebarSettingsUseCase;
import dev.opensessions.application.port.in.SwitchSessionUseCase;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.sidebar.model.Effect;
import dev.opensessions.sidebar.model.Msg;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/** Carries out a sidebar's effects through the core's use cases, on behalf of the pane that asked. */
public final class UseCaseEffects implements EffectHandler {

    private static final System.Logger LOG = System.getLogger(UseCaseEffects.class.getName());
    /** The built-in project picker lists at most this many folders. */
    static final int PROJECT_LIMIT = 2000;
    /** The period of the wait figures the agents panel shows. */
    static final Duration WAIT_PERIOD = Duration.ofDays(1);

    private final UseCases cases;

    public UseCaseEffects(UseCases cases) {
        this.cases = Objects.requireNonNull(cases, "cases");
    }

    /** The use cases sidebars reach. */
    public record UseCases(SwitchSessionUseCase switchSession, QuitUseCase quit, HideSessionUseCase hide,
                           ShowAllSessionsUseCase showAll, ReorderSessionUseCase reorder,
                           SidebarActionsUseCase actions, SidebarSettingsUseCase settings, RefreshUseCase refresh,
                           JumpToNextUseCase jump, ReadWaitStatsUseCase waits, Clock clock) {
        public UseCases {
            Objects.requireNonNull(jump, "jump");
            Objects.requireNonNull(waits, "waits");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(switchSession, "switchSession");
            Objects.requireNonNull(quit, "quit");
            Objects.requireNonNull(hide, "hide");
            Objects.requireNonNull(showAll, "showAll");
            Objects.requireNonNull(reorder, "reorder");
            Objects.requireNonNull(actions, "actions");
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(refresh, "refresh");
        }
    }

    @Override
    public void run(PaneId pane, Effect effect, Consumer<Msg> reply) {
        switch (effect) {
            case Effect.SwitchSession to -> report(pane, to.stayInSidebar()
                    ? cases.switchSession().switchFrom(pane, to.session(), true)
                    : cases.switchSession().switchFrom(pane, to.session()));
            case Effect.QuitServer ignored -> cases.quit().quit();
            case Effect.HideSession hidden -> cases.hide().hide(hidden.session());
            case Effect.ShowAllSessions ignored -> cases.showAll().showAll();
            case Effect.ArrangeSessions arranged -> cases.reorder().arrange(arranged.order());
            case Effect.FocusAgent agent -> cases.actions().focusAgent(pane, agent.agentPane());
            case Effect.MarkAgentSeen agent -> cases.actions().markAgentSeen(agent.session(), agent.thread());
            case Effect.DismissAgent agent -> cases.actions().dismissAgent(agent.session(), agent.thread());
            case Effect.KillAgentPane agent -> cases.actions().killPane(agent.agentPane());
            case Effect.KillSessions kill -> cases.actions().killSessions(pane, kill.sessions());
            case Effect.OpenDiff diff -> cases.actions().openDiff(pane, diff.session(), diff.place());
            case Effect.NewSession ignored -> {
                if (!cases.actions().openSessionizer(pane)) {
                    reply.accept(new Msg.ProjectsListed(cases.actions().projectDirectories(),
                            System.getProperty("user.home", "")));
                }
            }
            case Effect.OpenProject project -> report(pane, cases.actions().openProject(pane, project.directory()));
            case Effect.OpenPort port -> cases.actions().openPort(port.port())
                    .ifPresent(problem -> reply.accept(new Msg.Told("cannot open the port", problem)));
            case Effect.Refresh ignored -> cases.refresh().refresh();
            case Effect.JumpNext ignored -> {
                if (cases.jump().jumpNextFrom(pane) instanceof JumpToNextUseCase.JumpOutcome.Failed failed) {
                    LOG.log(Level.WARNING, "jumping from sidebar " + pane + " failed: " + failed.reason());
                }
            }
            case Effect.SetTheme theme -> cases.settings().setTheme(theme.theme());
            case Effect.SetWidth width -> cases.settings().setWidth(width.width());
            case Effect.SetFilter filter -> cases.settings().setFilter(filter.filter());
            case Effect.SetGroupCollapsed group -> cases.settings().setGroupCollapsed(group.group(), group.collapsed());
            case Effect.SetDetailHeight height -> cases.settings().setDetailHeight(height.rows());
            // Read from the database on a thread of its own, so the pane's frames never wait for it.
            case Effect.LoadWaits waits -> Thread.ofVirtual().name("sidebar-waits-" + pane).start(() ->
                    reply.accept(new Msg.WaitsLoaded(waits.session(),
                            cases.waits().stats(cases.clock().instant().minus(WAIT_PERIOD), waits.session()))));
            // The runtime carries these out itself: closing the pane, timers and focus shared between panes.
            case Effect.ClosePane ignored -> { }
            case Effect.Later ignored -> { }
            case Effect.ShareFocus ignored -> { }
        }
    }

    private static void report(PaneId pane, SwitchSessionUseCase.SwitchOutcome outcome) {
        switch (outcome) {
            case SwitchSessionUseCase.SwitchOutcome.Switched switched -> { }
            case SwitchSessionUseCase.SwitchOutcome.UnknownSession unknown ->
                    LOG.log(Level.DEBUG, "sidebar " + pane + " asked for a session that is gone");
            case SwitchSessionUseCase.SwitchOutcome.OutOfRange range -> { }
            case SwitchSessionUseCase.SwitchOutcome.NoClient none ->
                    LOG.log(Level.DEBUG, "sidebar " + pane + " has no attached client to switch");
            case SwitchSessionUseCase.SwitchOutcome.Failed failed ->
                    LOG.log(Level.WARNING, "switching from sidebar " + pane + " failed: " + failed.reason());
        }
    }
}
