package dev.opensessions.sidebar.model;

import java.util.List;
import java.util.Objects;

/** The result of one update: the next state and the effects to carry out, in order. */
public record Step<S>(S state, List<Effect> effects) {

    public Step {
        Objects.requireNonNull(state, "state");
        effects = List.copyOf(effects);
    }

    public static <S> Step<S> of(S state, Effect... effects) {
        return new Step<>(state, List.of(effects));
    }
}
