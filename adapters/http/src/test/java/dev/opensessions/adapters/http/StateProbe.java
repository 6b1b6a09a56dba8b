package dev.opensessions.adapters.http;

import dev.opensessions.application.port.in.GetStateUseCase;
import dev.opensessions.application.state.StateSnapshot;

import static org.assertj.core.api.Assertions.assertThat;

/** Proves a refused request left the state alone: no new snapshot was published at all. */
final class StateProbe {

    private final GetStateUseCase state;
    private final StateSnapshot before;

    private StateProbe(GetStateUseCase state) {
        this.state = state;
        this.before = state.current();
    }

    static StateProbe watch(GetStateUseCase state) {
        return new StateProbe(state);
    }

    void assertUnchanged() {
        StateSnapshot after = state.current();
        assertThat(after.version()).as("state version").isEqualTo(before.version());
        assertThat(after).isSameAs(before);
    }
}
