package dev.opensessions.domain.agent;

import dev.opensessions.domain.session.SessionName;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How long agents waited for the user, computed from the status history of a period.
 *
 * <p>A wait starts when a thread turns {@code waiting} (it asks the user something), or turns {@code done},
 * {@code error} or {@code interrupted} with its unseen marker set (it finished while the user was not
 * looking). It ends at the thread's next status change (the user answered, or new work started) or, for a
 * finished turn, when the user looks at it (its marker clears: a {@link SeenMark}); whichever comes first. A
 * wait still open at the end of the period ends there. Working time is the time spent in {@code running} or
 * {@code tool-running}, from the change into it to the next change (or the end of the period). Only what the
 * period holds counts: a wait is counted when it starts in the period, and the time before a thread's first
 * change in the period is unknown and counted as nothing. A wait and working time belong to the session and
 * agent of the change that started them.
 */
public final class WaitStatistics {

    private WaitStatistics() {
    }

    public static WaitReport compute(List<StatusTransition> transitions, List<SeenMark> marks, Instant since,
                                     Instant until) {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        Map<ThreadKey, List<Step>> timelines = new LinkedHashMap<>();
        for (StatusTransition t : transitions) {
            if (inPeriod(t.at(), since, until)) {
                timelines.computeIfAbsent(t.thread(), k -> new ArrayList<>()).add(Step.of(t));
            }
        }
        for (SeenMark m : marks) {
            if (inPeriod(m.at(), since, until)) {
                timelines.computeIfAbsent(m.thread(), k -> new ArrayList<>()).add(Step.of(m));
            }
        }
        Tally bySession = new Tally();
        Tally byAgent = new Tally();
        Tally total = new Tally();
        for (Map.Entry<ThreadKey, List<Step>> timeline : timelines.entrySet()) {
            String agent = timeline.getKey().agent();
            walk(timeline.getValue(), until, (session, wait, busy) -> {
                bySession.add(session, wait, busy);
                byAgent.add(agent, wait, busy);
                total.add("", wait, busy);
            });
        }
        Map<SessionName, WaitFigures> sessions = new HashMap<>();
        bySession.figures().forEach((name, figures) -> sessions.put((SessionName) name, figures));
        Map<String, WaitFigures> agents = new HashMap<>();
        byAgent.figures().forEach((name, figures) -> agents.put((String) name, figures));
        return new WaitReport(since, until, sessions, agents, total.figures().getOrDefault("", WaitFigures.NONE));
    }

    private static boolean inPeriod(Instant at, Instant since, Instant until) {
        return !at.isBefore(since) && !at.isAfter(until);
    }

    /** One thread's changes in time order (a change before a look at the same instant). */
    private static void walk(List<Step> steps, Instant until, Sink sink) {
        steps.sort(Comparator.comparing(Step::at).thenComparing(Step::isLook));
        Step waitStart = null;
        Step busyStart = null;
        for (Step step : steps) {
            if (step.isLook()) {
                if (waitStart != null && waitStart.status() != AgentStatus.WAITING) {
                    sink.accept(waitStart.session(), Duration.between(waitStart.at(), step.at()), null);
                    waitStart = null;
                }
                continue;
            }
            if (waitStart != null) {
                sink.accept(waitStart.session(), Duration.between(waitStart.at(), step.at()), null);
                waitStart = null;
            }
            if (busyStart != null) {
                sink.accept(busyStart.session(), null, Duration.between(busyStart.at(), step.at()));
                busyStart = null;
            }
            if (step.startsWait()) {
                waitStart = step;
            } else if (step.status().isWorking()) {
                busyStart = step;
            }
        }
        if (waitStart != null) {
            sink.accept(waitStart.session(), Duration.between(waitStart.at(), until), null);
        }
        if (busyStart != null) {
            sink.accept(busyStart.session(), null, Duration.between(busyStart.at(), until));
        }
    }

    @FunctionalInterface
    private interface Sink {
        /** One wait (busy null) or one stretch of work (wait null). */
        void accept(SessionName session, Duration wait, Duration busy);
    }

    /** A change of status, or a look (status null). */
    private record Step(SessionName session, Instant at, AgentStatus status, boolean unseen) {

        static Step of(StatusTransition t) {
            return new Step(t.session(), t.at(), t.to(), t.unseen());
        }

        static Step of(SeenMark m) {
            return new Step(m.session(), m.at(), null, false);
        }

        boolean isLook() {
            return status == null;
        }

        boolean startsWait() {
            return switch (status) {
                case WAITING -> true;
                case DONE, ERROR, INTERRUPTED -> unseen;
                case IDLE, RUNNING, TOOL_RUNNING, STALE -> false;
            };
        }
    }

    /** Waits and working time gathered per group name. */
    private static final class Tally {

        private final Map<Object, List<Duration>> waits = new HashMap<>();
        private final Map<Object, Duration> busy = new HashMap<>();

        void add(Object group, Duration wait, Duration work) {
            List<Duration> list = waits.computeIfAbsent(group, g -> new ArrayList<>());
            if (wait != null) {
                list.add(wait);
            }
            busy.merge(group, work == null ? Duration.ZERO : work, Duration::plus);
        }

        Map<Object, WaitFigures> figures() {
            Map<Object, WaitFigures> figures = new HashMap<>();
            waits.forEach((group, list) -> figures.put(group, WaitFigures.of(list, busy.get(group))));
            return figures;
        }
    }
}
