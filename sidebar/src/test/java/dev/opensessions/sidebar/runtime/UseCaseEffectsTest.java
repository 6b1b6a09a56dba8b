package dev.opensessions.sidebar.runtime;

import dev.opensessions.application.port.in.ReorderOutcome;
import dev.opensessions.application.port.in.SwitchSessionUseCase.SwitchOutcome;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.sidebar.model.Effect;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UseCaseEffectsTest {

    private final List<String> calls = new ArrayList<>();
    private final UseCaseEffects effects = new UseCaseEffects(
            (pane, target) -> {
                calls.add("switch " + pane + " " + target);
                return new SwitchOutcome.Switched("/dev/pts/1");
            },
            () -> calls.add("quit"),
            session -> calls.add("hide " + session),
            () -> calls.add("show all"),
            (session, delta) -> {
                calls.add("reorder " + session + " " + delta);
                return new ReorderOutcome.Reordered();
            });

    @Test
    void everyEffectReachesItsUseCaseForThePaneThatAsked() {
        PaneId pane = PaneId.of("%7");

        effects.run(pane, new Effect.SwitchSession(SessionName.of("web")));
        effects.run(pane, new Effect.HideSession(SessionName.of("old")));
        effects.run(pane, new Effect.ShowAllSessions());
        effects.run(pane, new Effect.ReorderSession(SessionName.of("web"), -1));
        effects.run(pane, new Effect.ClosePane());
        effects.run(pane, new Effect.QuitServer());

        assertThat(calls).containsExactly("switch %7 web", "hide old", "show all", "reorder web -1", "quit");
    }
}
