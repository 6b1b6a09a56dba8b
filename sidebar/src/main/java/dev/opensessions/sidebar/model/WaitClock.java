package dev.opensessions.sidebar.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The time a pane tells the header's longest wait at, and when it asked to be told the time again: while an
 * agent needs the user the pane wakes once a minute (when the minutes shown change), never while none does.
 *
 * @param now       the latest time the pane knows: a snapshot's, or a tick's
 * @param refreshAt when the pane's next wake-up is due, null when none is asked for
 */
public record WaitClock(Instant now, Instant refreshAt) {

    public WaitClock {
        Objects.requireNonNull(now, "now");
    }

    public static WaitClock at(Instant now) {
        return new WaitClock(now, null);
    }

    /** Moved on to {@code at} (never back); a wake-up that is due by then is over. */
    public WaitClock advancedTo(Instant at) {
        Instant later = at.isAfter(now) ? at : now;
        return new WaitClock(later, refreshAt != null && refreshAt.isAfter(later) ? refreshAt : null);
    }

    public WaitClock refreshingAt(Instant at) {
        return new WaitClock(now, at);
    }

    /** How long the user has been needed at {@link #now()} by something that needs them since {@code since}. */
    public Duration waited(Instant since) {
        return since.isAfter(now) ? Duration.ZERO : Duration.between(since, now);
    }

    /** "<1m", "12m", "3h", "2d": whole units, rounded down, short enough for the narrow header. */
    public static String shortly(Duration waited) {
        long minutes = waited.toMinutes();
        if (minutes < 1) {
            return "<1m";
        }
        if (minutes < 60) {
            return minutes + "m";
        }
        long hours = waited.toHours();
        return hours < 24 ? hours + "h" : waited.toDays() + "d";
    }
}
