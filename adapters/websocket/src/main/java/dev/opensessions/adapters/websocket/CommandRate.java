package dev.opensessions.adapters.websocket;

/**
 * A token bucket over one connection's commands: {@link #BURST} at once, then {@link #PER_SECOND} a second.
 * A person at a dashboard sends a few commands a second; a loop sending thousands is refused.
 */
final class CommandRate {

    static final int PER_SECOND = 20;
    static final int BURST = 40;

    private double tokens = BURST;
    private long last;

    CommandRate(long nanos) {
        this.last = nanos;
    }

    /** Takes one command's token at the given {@code System.nanoTime()}; false when the bucket is empty. */
    synchronized boolean tryTake(long nanos) {
        long elapsed = Math.max(0, nanos - last);
        last = Math.max(last, nanos);
        tokens = Math.min(BURST, tokens + elapsed * PER_SECOND / 1e9);
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
