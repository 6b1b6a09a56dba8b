package dev.opensessions.application.port.in;

import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.application.state.Subscription;

import java.util.function.Consumer;

/**
 * Streams snapshots to a subscriber latest-wins: the current one at once, then at most one per 16 ms,
 * each newer than the last. The sink runs on a shared scheduler thread and must not block.
 */
public interface WatchStateUseCase {

    Subscription watch(Consumer<StateSnapshot> sink);
}
