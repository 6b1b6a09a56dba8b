package dev.opensessions.sidebar.runtime;

import dev.opensessions.domain.session.PaneId;
import dev.opensessions.sidebar.model.Effect;

/** Carries out a sidebar's effect on behalf of its pane (the composition root supplies it). Must not block long. */
@FunctionalInterface
public interface EffectHandler {

    void run(PaneId pane, Effect effect);
}
