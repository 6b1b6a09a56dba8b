package dev.opensessions.adapters.websocket;

import dev.opensessions.application.state.StateSnapshot;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Sends one subscriber's frames with at most one send in flight: while a frame is being written only the
 * newest pending snapshot is kept, so a slow client skips versions instead of buffering stale frames, and
 * it never receives a version older than one it already has. Never blocks the calling thread.
 */
final class SnapshotFeed {

    private final Function<StateSnapshot, String> json;
    private final Function<String, CompletionStage<?>> send;
    private final Object lock = new Object();
    private boolean inFlight;
    private boolean closed;
    private StateSnapshot pending;
    private long newestVersion = -1;

    /**
     * @param json turns a snapshot into its frame (shared, cached serialization)
     * @param send writes one text frame asynchronously; the stage completes when the write is done
     */
    SnapshotFeed(Function<StateSnapshot, String> json, Function<String, CompletionStage<?>> send) {
        this.json = Objects.requireNonNull(json, "json");
        this.send = Objects.requireNonNull(send, "send");
    }

    /** Sends a frame that must precede every snapshot (the greeting); call it before the first offer. */
    void open(String greeting) {
        synchronized (lock) {
            inFlight = true;
        }
        transmit(greeting);
    }

    /** Sends the snapshot now, or keeps it as the one pending frame when a send is in flight. */
    void offer(StateSnapshot snapshot) {
        synchronized (lock) {
            if (closed || snapshot.version() <= newestVersion) {
                return;
            }
            newestVersion = snapshot.version();
            if (inFlight) {
                pending = snapshot;
                return;
            }
            inFlight = true;
        }
        transmit(json.apply(snapshot));
    }

    /** Stops sending; a pending snapshot is dropped. */
    void close() {
        synchronized (lock) {
            closed = true;
            pending = null;
        }
    }

    private void transmit(String text) {
        CompletionStage<?> written;
        try {
            written = send.apply(text);
        } catch (RuntimeException failed) {
            written = CompletableFuture.failedFuture(failed);
        }
        // A failed write means the connection is going away; its close callback ends the feed.
        written.whenComplete((ignored, failure) -> sent());
    }

    private void sent() {
        StateSnapshot next;
        synchronized (lock) {
            next = closed ? null : pending;
            pending = null;
            if (next == null) {
                inFlight = false;
                return;
            }
        }
        transmit(json.apply(next));
    }
}
