package dev.opensessions.sidebar.runtime;

import dev.opensessions.application.port.in.HideSessionUseCase;
import dev.opensessions.application.port.in.QuitUseCase;
import dev.opensessions.application.port.in.ReorderSessionUseCase;
import dev.opensessions.application.port.in.ShowAllSessionsUseCase;
import dev.opensessions.application.port.in.SwitchSessionUseCase;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.sidebar.model.Effect;

import java.lang.System.Logger.Level;
import java.util.Objects;

/** Carries out a sidebar's effects through the core's use cases, on behalf of the pane that asked. */
public final class UseCaseEffects implements EffectHandler {

    private static final System.Logger LOG = System.getLogger(UseCaseEffects.class.getName());

    private final SwitchSessionUseCase switchSession;
    private final QuitUseCase quit;
    private final HideSessionUseCase hide;
    private final ShowAllSessionsUseCase showAll;
    private final ReorderSessionUseCase reorder;

    public UseCaseEffects(SwitchSessionUseCase switchSession, QuitUseCase quit, HideSessionUseCase hide,
                          ShowAllSessionsUseCase showAll, ReorderSessionUseCase reorder) {
        this.switchSession = Objects.requireNonNull(switchSession, "switchSession");
        this.quit = Objects.requireNonNull(quit, "quit");
        this.hide = Objects.requireNonNull(hide, "hide");
        this.showAll = Objects.requireNonNull(showAll, "showAll");
        this.reorder = Objects.requireNonNull(reorder, "reorder");
    }

    @Override
    public void run(PaneId pane, Effect effect) {
        switch (effect) {
            case Effect.SwitchSession to -> report(pane, switchSession.switchFrom(pane, to.session()));
            case Effect.QuitServer ignored -> quit.quit();
            case Effect.HideSession hidden -> hide.hide(hidden.session());
            case Effect.ShowAllSessions ignored -> showAll.showAll();
            case Effect.ReorderSession moved -> reorder.reorder(moved.session(), moved.delta());
            // The pane's own session closes its connection; nothing for the core to do.
            case Effect.ClosePane ignored -> { }
        }
    }

    private static void report(PaneId pane, SwitchSessionUseCase.SwitchOutcome outcome) {
        switch (outcome) {
            case SwitchSessionUseCase.SwitchOutcome.Switched switched -> { }
            case SwitchSessionUseCase.SwitchOutcome.UnknownSession unknown ->
                    LOG.log(Level.DEBUG, "sidebar " + pane + " asked for a session that is gone");
            case SwitchSessionUseCase.SwitchOutcome.NoClient none ->
                    LOG.log(Level.DEBUG, "sidebar " + pane + " has no attached client to switch");
            case SwitchSessionUseCase.SwitchOutcome.Failed failed ->
                    LOG.log(Level.WARNING, "switching from sidebar " + pane + " failed: " + failed.reason());
        }
    }
}
