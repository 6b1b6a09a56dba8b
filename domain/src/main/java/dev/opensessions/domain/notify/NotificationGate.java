package dev.opensessions.domain.notify;

import dev.opensessions.domain.agent.StatusTransition;
import dev.opensessions.domain.agent.ThreadKey;

import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides, one transition at a time, whether to tell the user: the settings cover the agent and status, it is
 * not quiet hours, the same transition (thread, from, to, time) was not told before, and nothing about the
 * same thread was told within the cooldown. Remembers what it told, bounded.
 *
 * <p>Safe to share between threads: the event path asks {@link #mayTell} while the notification thread asks
 * {@link #decide}; both read and {@code decide} writes the memory under the gate's own lock, so an answer is
 * always about the memory as one whole.
 */
public final class NotificationGate {

    /** Threads and transitions remembered; past this the oldest memory is dropped (a cooldown is short). */
    static final int REMEMBERED = 1024;

    private volatile NotificationSettings settings;
    private final Map<ThreadKey, Instant> lastTold = new HashMap<>();
    private final Set<StatusTransition> told = new HashSet<>();

    public NotificationGate(NotificationSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Decides with these settings from now on (the user edited them); what was told is still remembered. */
    public void use(NotificationSettings next) {
        this.settings = Objects.requireNonNull(next, "next");
    }

    /** What to do with this transition of this agent, {@code now} on the server's clock and local clock. */
    public synchronized Verdict decide(String agent, StatusTransition transition, Instant now, LocalTime localTime) {
        NotificationSettings settings = this.settings;
        if (!settings.covers(agent, transition.to()) || transition.from() == transition.to()) {
            return Verdict.NOT_COVERED;
        }
        Verdict verdict = timing(settings, transition, now, localTime);
        if (verdict == Verdict.TELL) {
            remember(transition, now);
        }
        return verdict;
    }

    /**
     * False when {@link #decide} would refuse the transition whatever its agent, for the hour, a repeat or the
     * cooldown; remembers nothing. Lets a caller skip the work that decides on the agent: in a burst the same
     * threads change many times within the cooldown.
     */
    public synchronized boolean mayTell(StatusTransition transition, Instant now, LocalTime localTime) {
        return transition.from() != transition.to() && timing(settings, transition, now, localTime) == Verdict.TELL;
    }

    private Verdict timing(NotificationSettings settings, StatusTransition transition, Instant now, LocalTime localTime) {
        if (settings.quiet() != null && settings.quiet().contains(localTime)) {
            return Verdict.QUIET_HOURS;
        }
        if (told.contains(transition)) {
            return Verdict.REPEAT;
        }
        Instant last = lastTold.get(transition.thread());
        if (last != null && now.isBefore(last.plus(settings.cooldown()))) {
            return Verdict.COOLING_DOWN;
        }
        return Verdict.TELL;
    }

    private void remember(StatusTransition transition, Instant now) {
        NotificationSettings settings = this.settings;
        if (told.size() >= REMEMBERED) {
            told.clear();
        }
        if (lastTold.size() >= REMEMBERED) {
            lastTold.values().removeIf(at -> now.isAfter(at.plus(settings.cooldown())));
            if (lastTold.size() >= REMEMBERED) {
                lastTold.clear();
            }
        }
        told.add(transition);
        lastTold.put(transition.thread(), now);
    }

    /** Why a transition is told or not. */
    public enum Verdict {
        TELL,
        NOT_COVERED,
        QUIET_HOURS,
        REPEAT,
        COOLING_DOWN
    }
}
