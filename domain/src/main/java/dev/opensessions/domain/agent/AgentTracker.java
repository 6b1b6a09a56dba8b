package dev.opensessions.domain.agent;

import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Every agent row of a server with the tracker rules of docs/reference/agents.md (how a status is decided, unseen
 * markers). Immutable: each operation returns a new tracker. A thread key lives in at most one session.
 */
public record AgentTracker(Map<SessionName, SessionAgents> sessions) {

    /** Running rows with no update for this long are stuck and pruned, unless their agent process lives. */
    public static final Duration STUCK_RUNNING = Duration.ofMinutes(3);
    /** Finished rows the user has seen are pruned after this long. */
    public static final Duration SEEN_TERMINAL = Duration.ofMinutes(5);
    /** Finished rows the user has not seen are pruned after this long. */
    public static final Duration UNSEEN_TERMINAL = Duration.ofMinutes(15);

    public AgentTracker {
        sessions = FrozenMap.copyOf(sessions);
    }

    public static AgentTracker empty() {
        return new AgentTracker(FrozenMap.empty());
    }

    /** Rebuilds a tracker from stored rows, for example after a restart. */
    public static AgentTracker of(List<AgentThread> threads) {
        AgentTracker tracker = empty();
        for (AgentThread thread : threads) {
            tracker = tracker.put(thread);
        }
        return tracker;
    }

    /**
     * Applies one event to the given session: upsert by key, canonicalize provisional rows, carry over
     * missing fields, and set the unseen marker (terminal and not looked at) or clear it (new work).
     */
    public AgentTracker record(SessionName session, AgentEvent event, Set<PaneId> focusedPanes) {
        ThreadKey key = event.key();
        return record(session, event, key, find(key).orElse(null), focusedPanes);
    }

    /**
     * {@link #record(SessionName, AgentEvent, Set)} for a caller that has already built the event's key and looked
     * its row up ({@code existing}, null when the tracker has none): each lookup walks every session.
     */
    public AgentTracker record(SessionName session, AgentEvent event, ThreadKey key, AgentThread existing,
                               Set<PaneId> focusedPanes) {
        Optional<AgentThread> previous = Optional.ofNullable(existing);
        String threadId = event.threadId();
        if (previous.isEmpty() && event.threadName() != null) {
            if (threadId != null) {
                previous = findProvisional(event.agent(), event.threadName());
            } else {
                previous = findThreaded(event.agent(), event.threadName());
                threadId = previous.map(AgentThread::threadId).orElse(null);
            }
        }
        AgentThread before = previous.orElse(null);
        PaneId pane = event.paneId() != null ? event.paneId() : before == null ? null : before.paneId();
        Liveness liveness = event.paneId() != null ? Liveness.ALIVE
                : before == null ? Liveness.UNKNOWN : before.liveness();
        boolean unseen = event.unseen() != null
                ? event.unseen()
                : event.status().isTerminal() && (pane == null || !focusedPanes.contains(pane));
        AgentThread next = new AgentThread(
                same(event.agent(), before == null ? null : before.agent()),
                same(session, before == null ? null : before.session()),
                event.status(),
                event.ts(),
                same(threadId, before == null ? null : before.threadId()),
                carry(event.threadName(), before == null ? null : before.threadName()),
                carry(event.lastUserPrompt(), before == null ? null : before.lastUserPrompt()),
                unseen,
                pane,
                liveness,
                carry(event.projectDir(), before == null ? null : before.projectDir()),
                before != null && before.status() == event.status() ? before.since() : event.ts());
        // The row's key is the event's unless the thread id came from the row found by its name.
        ThreadKey nextKey = Objects.equals(threadId, event.threadId()) ? key : next.key();
        return replace(before, next, nextKey, event.ts());
    }

    /**
     * True when the row of the event's thread was last updated after the event happened: the event is
     * older news (hooks post in the background, so two reports of one turn may arrive swapped) and must
     * not undo the newer state. Equal times are not older: a heuristic restamps at the same instant.
     */
    public boolean supersedes(AgentEvent event) {
        return find(event.key()).map(row -> supersedes(row, event)).orElse(false);
    }

    /** {@link #supersedes(AgentEvent)} for the event's row already found (one lookup for both questions). */
    public static boolean supersedes(AgentThread row, AgentEvent event) {
        return row.updatedAt().isAfter(event.ts());
    }

    /**
     * Keeps at most {@code max} rows in the session, the row {@code keep} (the one just recorded) among them:
     * rows that are not live (their pane is gone or unknown, or their turn finished) go first, oldest update
     * first. Empty when that is not enough because every other row is live.
     */
    public Optional<AgentTracker> withinCap(SessionName session, ThreadKey keep, int max) {
        SessionAgents agents = sessions.get(session);
        if (agents == null || agents.threads().size() <= max) {
            return Optional.of(this);
        }
        List<AgentThread> rows = rows(session);
        int excess = rows.size() - max;
        if (excess <= 0) {
            return Optional.of(this);
        }
        List<AgentThread> evictable = rows.stream()
                .filter(t -> !t.key().equals(keep) && !t.live())
                .sorted(Comparator.comparing(AgentThread::updatedAt).thenComparing(t -> t.key().value()))
                .limit(excess)
                .toList();
        if (evictable.size() < excess) {
            return Optional.empty();
        }
        Map<SessionName, SessionAgents> next = FrozenMap.thaw(sessions);
        for (AgentThread thread : evictable) {
            dropRow(next, session, thread.key());
        }
        return Optional.of(new AgentTracker(next));
    }

    /** Every row of every session. */
    public List<AgentThread> threads() {
        List<AgentThread> all = new ArrayList<>();
        for (SessionAgents agents : sessions.values()) {
            all.addAll(agents.threads().values());
        }
        return Collections.unmodifiableList(all);
    }

    /** The row of the key if it is in that session: one map lookup. */
    public Optional<AgentThread> find(SessionName session, ThreadKey key) {
        SessionAgents agents = sessions.get(session);
        return agents == null ? Optional.empty() : Optional.ofNullable(agents.threads().get(key));
    }

    /** A key lives in at most one session: one map lookup per session, on every event's path. */
    public Optional<AgentThread> find(ThreadKey key) {
        return Optional.ofNullable(frozen(sessions).firstOf(agents -> agents.threads().get(key)));
    }

    /**
     * {@link #find(ThreadKey)} looking in {@code likely} first: the session an event resolves to is nearly always the
     * one its thread's row is in, so that is one map lookup instead of one per session; a row in another session is
     * found as by {@code find(key)}.
     */
    public Optional<AgentThread> find(ThreadKey key, SessionName likely) {
        SessionAgents agents = sessions.get(likely);
        AgentThread row = agents == null ? null : agents.threads().get(key);
        return row != null ? Optional.of(row) : find(key);
    }

    /** The rows a user sees for a session: exited ones hidden unless unseen; focused pane first, then newest. */
    public List<AgentThread> visible(SessionName session, Set<PaneId> focusedPanes) {
        return rows(session).stream()
                .filter(AgentThread::visible)
                .sorted(Comparator.comparing((AgentThread t) -> !inFocus(t, focusedPanes))
                        .thenComparing(AgentThread::updatedAt, Comparator.reverseOrder())
                        .thenComparing(t -> t.key().value()))
                .toList();
    }

    /** The session's headline agent: in a focused pane first, then status priority, then newest. */
    public Optional<AgentThread> headline(SessionName session, Set<PaneId> focusedPanes) {
        return rows(session).stream()
                .filter(AgentThread::visible)
                .max(Comparator.comparing((AgentThread t) -> inFocus(t, focusedPanes))
                        .thenComparing(t -> t.status().trackerPriority())
                        .thenComparing(AgentThread::updatedAt)
                        .thenComparing(t -> t.key().value()));
    }

    /** The session's most urgent attention signal, if it has any visible agent. */
    public Optional<Attention> attention(SessionName session) {
        return rows(session).stream()
                .filter(AgentThread::visible)
                .map(AgentThread::attention)
                .min(Comparator.naturalOrder());
    }

    public boolean unseen(SessionName session) {
        SessionAgents agents = sessions.get(session);
        return agents != null && agents.anyUnseen();
    }

    public List<Instant> eventTimestamps(SessionName session) {
        SessionAgents agents = sessions.get(session);
        return agents == null ? List.of() : agents.eventTimestamps();
    }

    /** The user looked at one agent row (clicked it or focused it from the sidebar). */
    public AgentTracker markAgentSeen(SessionName session, ThreadKey key) {
        return update(t -> t.session().equals(session) && t.key().equals(key) ? t.withUnseen(false) : t);
    }

    /** A pane gained focus: every agent in it is seen. */
    public AgentTracker markPaneSeen(PaneId pane) {
        return update(t -> pane.equals(t.paneId()) ? t.withUnseen(false) : t);
    }

    /** Explicit mark-seen of a whole session. */
    public AgentTracker markSessionSeen(SessionName session) {
        return update(t -> t.session().equals(session) ? t.withUnseen(false) : t);
    }

    /**
     * A client switched into the session: its marker clears only when exactly one agent there is unseen;
     * with several the user must look at each.
     */
    public AgentTracker focusSession(SessionName session) {
        long unseen = rows(session).stream().filter(AgentThread::unseen).count();
        return unseen == 1 ? markSessionSeen(session) : this;
    }

    /** Removes one row, as the user's dismiss asks. */
    public AgentTracker dismiss(SessionName session, ThreadKey key) {
        return remove(session, key);
    }

    /** Stamps rows alive whose pane exists and exited whose pane has gone. Rows with no pane stay as they are. */
    public AgentTracker panesPresent(Set<PaneId> livePanes) {
        return update(t -> t.paneId() == null ? t
                : t.withLiveness(livePanes.contains(t.paneId()) ? Liveness.ALIVE : Liveness.EXITED));
    }

    /** Moves every row and the activity of a renamed session to its new name. */
    public AgentTracker renameSession(SessionName from, SessionName to) {
        SessionAgents moved = sessions.get(from);
        if (moved == null || from.equals(to)) {
            return this;
        }
        Map<SessionName, SessionAgents> next = FrozenMap.thaw(sessions);
        next.remove(from);
        Map<ThreadKey, AgentThread> threads = new HashMap<>();
        moved.threads().forEach((k, t) -> threads.put(k, t.withSession(to)));
        next.put(to, new SessionAgents(threads, moved.eventTimestamps()));
        return new AgentTracker(next);
    }

    /** Drops stuck running rows and old finished rows, as if no agent process lived. */
    public AgentTracker prune(Instant now) {
        return prune(now, thread -> false);
    }

    /**
     * Drops stuck running rows and old finished rows; a running row whose agent process lives (as {@code
     * processLives} says) is not stuck, however long it has been quiet.
     */
    public AgentTracker prune(Instant now, Predicate<AgentThread> processLives) {
        Map<SessionName, SessionAgents> kept = AgentExpiry.pruned(sessions, now, processLives);
        return kept == null ? this : new AgentTracker(kept);
    }

    /** When the next row expires, as if no agent process lived. */
    public Optional<Instant> nextExpiry() {
        return nextExpiry(thread -> false);
    }

    /** When the next row expires, so pruning runs only when there is something to prune. */
    public Optional<Instant> nextExpiry(Predicate<AgentThread> processLives) {
        return Optional.ofNullable(AgentExpiry.earliest(sessions, processLives));
    }

    private List<AgentThread> rows(SessionName session) {
        SessionAgents agents = sessions.get(session);
        return agents == null ? List.of() : List.copyOf(agents.threads().values());
    }

    private Optional<AgentThread> findProvisional(String agent, String threadName) {
        return threads().stream()
                .filter(t -> t.threadId() == null && t.agent().equals(agent) && threadName.equals(t.threadName()))
                .findFirst();
    }

    private Optional<AgentThread> findThreaded(String agent, String threadName) {
        return threads().stream()
                .filter(t -> t.threadId() != null && t.agent().equals(agent) && threadName.equals(t.threadName()))
                .max(Comparator.comparing(AgentThread::updatedAt));
    }

    private AgentTracker put(AgentThread thread) {
        Map<SessionName, SessionAgents> next = FrozenMap.thaw(sessions);
        SessionAgents agents = next.getOrDefault(thread.session(), SessionAgents.empty());
        Map<ThreadKey, AgentThread> threads = new HashMap<>(agents.threads());
        threads.put(thread.key(), thread);
        next.put(thread.session(), new SessionAgents(threads, agents.eventTimestamps()));
        return new AgentTracker(next);
    }

    /**
     * {@code previous} (if any) replaced by {@code next}, whose key is {@code nextKey}, and its event time noted:
     * the maps are persistent, so only the path to the changed row is copied, not every session and every row.
     */
    private AgentTracker replace(AgentThread previous, AgentThread next, ThreadKey nextKey, Instant ts) {
        FrozenMap<SessionName, SessionAgents> all = frozen(sessions);
        boolean moved = previous != null && !previous.session().equals(next.session());
        if (moved) {
            all = droppedRow(all, previous.session(), previous.key());
        }
        SessionAgents target = all.getOrDefault(next.session(), SessionAgents.empty());
        FrozenMap<ThreadKey, AgentThread> threads = frozen(target.threads());
        if (previous != null && !moved && !(previous.agent().equals(next.agent())
                && Objects.equals(previous.threadId(), next.threadId()))) {
            // A provisional row (no thread id) took its thread's id: it is kept under its new key only.
            threads = threads.without(previous.key());
        }
        threads = threads.with(nextKey, next);
        return new AgentTracker(all.with(next.session(), target.withActivity(threads, ts)));
    }

    private static <K, V> FrozenMap<K, V> frozen(Map<K, V> map) {
        return FrozenMap.copyOf(map);
    }

    /**
     * Calls {@code change} once for every row that is not the same instance in {@code before} and in this tracker, in
     * no given order: a row added or changed (its earlier row, or null), a row gone (null after). A row that moved
     * between sessions is reported twice: gone from the one, added to the other. Sessions and parts of sessions this
     * tracker shares with {@code before} (as a tracker shares them with the one it was made from) are skipped
     * without a look inside, so the cost follows what changed, not the number of rows.
     */
    public void forEachChangedRow(AgentTracker before, RowChange change) {
        if (before == this) {
            return;
        }
        FrozenMap.diff(before.sessions, sessions, (name, was, now) -> FrozenMap.diff(
                was == null ? FrozenMap.empty() : was.threads(),
                now == null ? FrozenMap.empty() : now.threads(),
                change::changed));
    }

    /** One row that differs between two trackers: {@code before} or {@code after} is null for a row added or gone. */
    @FunctionalInterface
    public interface RowChange {
        void changed(ThreadKey key, AgentThread before, AgentThread after);
    }

    private AgentTracker remove(SessionName session, ThreadKey key) {
        SessionAgents agents = sessions.get(session);
        if (agents == null || !agents.threads().containsKey(key)) {
            return this;
        }
        Map<SessionName, SessionAgents> next = FrozenMap.thaw(sessions);
        dropRow(next, session, key);
        return new AgentTracker(next);
    }

    /** The sessions without the row; a session left with neither rows nor event times goes too. */
    private static FrozenMap<SessionName, SessionAgents> droppedRow(FrozenMap<SessionName, SessionAgents> sessions,
                                                                    SessionName session, ThreadKey key) {
        SessionAgents agents = sessions.get(session);
        FrozenMap<ThreadKey, AgentThread> threads = frozen(agents.threads()).without(key);
        if (threads.isEmpty() && agents.eventTimestamps().isEmpty()) {
            return sessions.without(session);
        }
        return sessions.with(session, new SessionAgents(threads, agents.eventTimestamps()));
    }

    /**
     * Takes the row out of its session in {@code sessions}, a copy being built; a session left with neither
     * rows nor event times goes too.
     */
    private static void dropRow(Map<SessionName, SessionAgents> sessions, SessionName session, ThreadKey key) {
        SessionAgents agents = sessions.get(session);
        Map<ThreadKey, AgentThread> threads = new HashMap<>(agents.threads());
        threads.remove(key);
        if (threads.isEmpty() && agents.eventTimestamps().isEmpty()) {
            sessions.remove(session);
        } else {
            sessions.put(session, new SessionAgents(threads, agents.eventTimestamps()));
        }
    }

    /** Every row changed as {@code change} says; only the sessions and rows it changes are copied. */
    private AgentTracker update(UnaryOperator<AgentThread> change) {
        FrozenMap<SessionName, SessionAgents> next = frozen(sessions);
        for (Map.Entry<SessionName, SessionAgents> entry : sessions.entrySet()) {
            SessionAgents agents = entry.getValue();
            FrozenMap<ThreadKey, AgentThread> threads = frozen(agents.threads());
            for (Map.Entry<ThreadKey, AgentThread> row : agents.threads().entrySet()) {
                AgentThread updated = change.apply(row.getValue());
                if (!updated.equals(row.getValue())) {
                    threads = threads.with(row.getKey(), updated);
                }
            }
            if (threads != agents.threads()) {
                next = next.with(entry.getKey(), new SessionAgents(threads, agents.eventTimestamps()));
            }
        }
        return next == sessions ? this : new AgentTracker(next);
    }

    private static boolean inFocus(AgentThread thread, Set<PaneId> focusedPanes) {
        return thread.paneId() != null && focusedPanes.contains(thread.paneId());
    }

    /**
     * The event's value, or the row's when the event has none. An equal value is the row's instance: the event's
     * strings (parsed from its request) then die young instead of being held by the state, which a burst of events
     * replaces row by row faster than the young generation is collected, so that what the row holds is copied into
     * the old generation.
     */
    private static String carry(String value, String previous) {
        return value != null ? same(value, previous) : previous;
    }

    /** {@code previous} when it equals {@code value} (the instance the state holds already), else {@code value}. */
    private static <T> T same(T value, T previous) {
        return previous != null && previous.equals(value) ? previous : value;
    }
}
