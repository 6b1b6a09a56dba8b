package dev.opensessions.application.port.in;

import dev.opensessions.application.state.StateSnapshot;

/** Reads the current state snapshot. */
public interface GetStateUseCase {

    StateSnapshot current();
}
