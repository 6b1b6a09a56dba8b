package dev.opensessions.domain.agent;

import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A session's latest event times, at most {@link SessionAgents#MAX_EVENT_TIMESTAMPS}: an immutable list that shares
 * its array with the lists made from it. Every agent event adds one time; a list adds it in the slot after its last
 * one when no other list took that slot yet (a claim on the array, made once), and copies its times into a fresh
 * array only when the array is full or the slot was taken. So an event costs one small object instead of two copies
 * of thirty times. The slots a list covers are never written again, so it reads the same forever.
 */
final class RecentTimes extends AbstractList<Instant> implements RandomAccess {

    private static final int CAPACITY = 4 * SessionAgents.MAX_EVENT_TIMESTAMPS;
    private static final RecentTimes EMPTY = new RecentTimes(new Instant[0], new AtomicInteger(), 0, 0);

    private final Instant[] array;
    /** How many slots of the array some list covers: the next free slot. */
    private final AtomicInteger claimed;
    private final int from;
    private final int to;

    private RecentTimes(Instant[] array, AtomicInteger claimed, int from, int to) {
        this.array = array;
        this.claimed = claimed;
        this.from = from;
        this.to = to;
    }

    /** {@code times} itself when it is one, otherwise a copy, keeping the latest times only. */
    static List<Instant> copyOf(List<Instant> times) {
        if (times instanceof RecentTimes recent) {
            return recent;
        }
        if (times.isEmpty()) {
            return EMPTY;
        }
        int kept = Math.min(times.size(), SessionAgents.MAX_EVENT_TIMESTAMPS);
        Instant[] array = new Instant[CAPACITY];
        List<Instant> latest = times.subList(times.size() - kept, times.size());
        for (int i = 0; i < kept; i++) {
            array[i] = Objects.requireNonNull(latest.get(i), "time");
        }
        return new RecentTimes(array, new AtomicInteger(kept), 0, kept);
    }

    /** These times and one more, the oldest dropped when there would be more than the maximum. */
    RecentTimes plus(Instant time) {
        Objects.requireNonNull(time, "time");
        int start = to - from == SessionAgents.MAX_EVENT_TIMESTAMPS ? from + 1 : from;
        if (to < array.length && claimed.compareAndSet(to, to + 1)) {
            array[to] = time;
            return new RecentTimes(array, claimed, start, to + 1);
        }
        Instant[] fresh = new Instant[CAPACITY];
        int kept = to - start;
        System.arraycopy(array, start, fresh, 0, kept);
        fresh[kept] = time;
        return new RecentTimes(fresh, new AtomicInteger(kept + 1), 0, kept + 1);
    }

    @Override
    public Instant get(int index) {
        Objects.checkIndex(index, to - from);
        return array[from + index];
    }

    @Override
    public int size() {
        return to - from;
    }

    @Override
    public Object[] toArray() {
        return Arrays.copyOfRange(array, from, to, Object[].class);
    }
}
