package dev.opensessions.sidebar.runtime;

import dev.opensessions.domain.session.PaneId;
import dev.opensessions.sidebar.model.Effect;
import dev.opensessions.sidebar.model.Msg;

import java.util.function.Consumer;

/**
 * Carries out a sidebar's effect on behalf of its pane (the composition root supplies it). An effect that
 * has an answer for the pane (the project picker's folders) sends it through {@code reply}, which may be
 * called from any thread. Must not block long: it runs on the pane's own loop.
 */
@FunctionalInterface
public interface EffectHandler {

    void run(PaneId pane, Effect effect, Consumer<Msg> reply);
}
