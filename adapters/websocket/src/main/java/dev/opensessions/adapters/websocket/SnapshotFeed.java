package dev.opensessions.adapters.websocket;

import dev.opensessions.application.state.StateSnapshot;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Sends one subscriber's frames with at most one send in flight: while a frame is being written only the
 * newest pending snapshot is kept, so a slow client skips versions instead of buffering stale frames, and
 * it never receives a version older than one it already has. Replies to its commands wait in a queue of at
 * most {@link #MAX_REPLIES}, and transition frames of a filtered subscription in one of at most
 * {@link #MAX_TRANSITIONS}; a client that lets one fill is not reading, and {@link #reply} or
 * {@link #transition} says so. Never
 * blocks the calling thread; what one subscriber holds is bounded whatever it does. A state frame that cannot be
 * made (its serialization throws) ends the feed and is handed to the failure callback once, whichever thread met
 * it (a write's completion callback would otherwise swallow it and leave the feed waiting for good). A write whose
 * completion does not come before its {@link SendDeadline} (a peer that stopped reading with full socket buffers)
 * ends the feed too, and the stall callback is told once; the deadline is armed only while a write is in flight.
 */
final class SnapshotFeed {

    /** Arms a one-shot timer for one write; nothing runs while no write is in flight. */
    @FunctionalInterface
    interface SendDeadline {

        /** No deadline: a write may take as long as it takes. */
        SendDeadline NONE = expired -> () -> { };

        /** Runs {@code expired} once when the deadline passes, unless the returned cancel runs first. */
        Runnable arm(Runnable expired);
    }

    /** Replies a subscriber may leave unread before it is closed. */
    static final int MAX_REPLIES = 32;
    /** Transition frames a subscriber may leave unread before it is closed (they are events: none is skipped). */
    static final int MAX_TRANSITIONS = 256;

    private final Function<StateSnapshot, String> json;
    private final Function<String, CompletionStage<?>> send;
    private final Consumer<Throwable> failed;
    private final SendDeadline deadline;
    private final Runnable stalled;
    private final Object lock = new Object();
    private boolean inFlight;
    private boolean closed;
    private StateSnapshot pending;
    private final Deque<String> replies = new ArrayDeque<>();
    private final Deque<String> transitions = new ArrayDeque<>();
    private boolean transitionsOnly;
    private boolean transitionsHeld;
    private long newestVersion = -1;

    /**
     * @param json turns a snapshot into its frame (shared, cached serialization)
     * @param send writes one text frame asynchronously; the stage completes when the write is done
     */
    SnapshotFeed(Function<StateSnapshot, String> json, Function<String, CompletionStage<?>> send) {
        this(json, send, failure -> { });
    }

    /**
     * @param json turns a snapshot into its frame (shared, cached serialization)
     * @param send writes one text frame asynchronously; the stage completes when the write is done
     * @param failed told, once, why the feed stopped when a frame could not be made; the caller closes the connection
     */
    SnapshotFeed(Function<StateSnapshot, String> json, Function<String, CompletionStage<?>> send,
                 Consumer<Throwable> failed) {
        this(json, send, failed, SendDeadline.NONE, () -> { });
    }

    /**
     * @param json turns a snapshot into its frame (shared, cached serialization)
     * @param send writes one text frame asynchronously; the stage completes when the write is done
     * @param failed told, once, why the feed stopped when a frame could not be made; the caller closes the connection
     * @param deadline armed for every write, cancelled when it completes
     * @param stalled told, once, that a write outlived its deadline; the feed has stopped, the caller closes the connection
     */
    SnapshotFeed(Function<StateSnapshot, String> json, Function<String, CompletionStage<?>> send,
                 Consumer<Throwable> failed, SendDeadline deadline, Runnable stalled) {
        this.json = Objects.requireNonNull(json, "json");
        this.send = Objects.requireNonNull(send, "send");
        this.failed = Objects.requireNonNull(failed, "failed");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.stalled = Objects.requireNonNull(stalled, "stalled");
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
            if (closed || transitionsOnly || snapshot.version() <= newestVersion) {
                return;
            }
            newestVersion = snapshot.version();
            if (inFlight) {
                pending = snapshot;
                return;
            }
            inFlight = true;
        }
        transmitState(snapshot);
    }

    /**
     * Sends a reply after the frames already queued; false, sending nothing, when {@link #MAX_REPLIES} are
     * already waiting (the client does not read; the caller closes it).
     */
    boolean reply(String text) {
        synchronized (lock) {
            if (closed) {
                return true;
            }
            if (inFlight) {
                if (replies.size() >= MAX_REPLIES) {
                    return false;
                }
                replies.add(text);
                return true;
            }
            inFlight = true;
        }
        transmit(text);
        return true;
    }

    /** From now on no state frame is sent: the pending one is dropped and later offers are ignored. */
    void stopStates() {
        synchronized (lock) {
            transitionsOnly = true;
            pending = null;
        }
    }

    /** Queues transitions without sending them until {@link #release}: a new filter's reply must go first. */
    void holdTransitions() {
        synchronized (lock) {
            transitionsHeld = true;
        }
    }

    /**
     * Sends {@code reply} ahead of every transition queued while held, then lets them go; false, sending
     * nothing, when {@link #MAX_REPLIES} replies are already waiting.
     */
    boolean release(String reply) {
        synchronized (lock) {
            transitionsHeld = false;
            if (closed) {
                return true;
            }
            if (inFlight) {
                if (replies.size() >= MAX_REPLIES) {
                    return false;
                }
                replies.add(reply);
                return true;
            }
            inFlight = true;
        }
        transmit(reply);
        return true;
    }

    /**
     * Sends a transition frame after the replies and transitions already queued; false, sending nothing, when
     * {@link #MAX_TRANSITIONS} are already waiting (the client does not keep up; the caller closes it).
     */
    boolean transition(String text) {
        synchronized (lock) {
            if (closed) {
                return true;
            }
            if (inFlight || transitionsHeld) {
                if (transitions.size() >= MAX_TRANSITIONS) {
                    return false;
                }
                transitions.add(text);
                return true;
            }
            inFlight = true;
        }
        transmit(text);
        return true;
    }

    /** Stops sending; pending frames are dropped. */
    void close() {
        synchronized (lock) {
            closed = true;
            pending = null;
            replies.clear();
            transitions.clear();
        }
    }

    /** Sends the snapshot's frame, or ends the feed and reports why when the frame cannot be made. */
    private void transmitState(StateSnapshot snapshot) {
        String text;
        try {
            text = json.apply(snapshot);
        } catch (RuntimeException | Error unmade) {
            fail(unmade);
            return;
        }
        transmit(text);
    }

    private void fail(Throwable failure) {
        if (end()) {
            failed.accept(failure);
        }
    }

    /** Ends the feed; true for the call that ended it. */
    private boolean end() {
        synchronized (lock) {
            if (closed) {
                return false;
            }
            closed = true;
            pending = null;
            replies.clear();
            transitions.clear();
            return true;
        }
    }

    private void transmit(String text) {
        AtomicBoolean done = new AtomicBoolean();
        // Armed before the write starts, so a write that completes at once cancels it.
        Runnable cancel = deadline.arm(() -> {
            if (!done.get() && end()) {
                stalled.run();
            }
        });
        CompletionStage<?> written;
        try {
            written = send.apply(text);
        } catch (RuntimeException failed) {
            written = CompletableFuture.failedFuture(failed);
        }
        // A failed write means the connection is going away; its close callback ends the feed.
        written.whenComplete((ignored, failure) -> {
            done.set(true);
            cancel.run();
            sent();
        });
    }

    /** Replies first, in order, then transitions, in order, then the newest pending snapshot. */
    private void sent() {
        String reply;
        StateSnapshot next;
        synchronized (lock) {
            reply = closed ? null : replies.poll();
            if (reply == null && !closed && !transitionsHeld) {
                reply = transitions.poll();
            }
            next = closed || reply != null ? null : pending;
            if (reply == null) {
                pending = null;
            }
            if (reply == null && next == null) {
                inFlight = false;
                return;
            }
        }
        if (reply != null) {
            transmit(reply);
        } else {
            transmitState(next);
        }
    }
}
