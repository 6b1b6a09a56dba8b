package dev.opensessions.sidebar.model;

import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.agent.AgentTracker;
import dev.opensessions.domain.agent.NeedsYou;
import dev.opensessions.domain.agent.SessionAgents;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.sidebar.SessionFilter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a pane's session list derives from the server state: the blocks, sessions and rows
 * it lists and the header's counters. Deriving them walks every session, so a {@link SidebarState} keeps its
 * listing and derives it again only when the snapshot, the pane or the order the pane asked for changes: a
 * spinner tick, a focus move or a hover then costs nothing here, however long the list. Two listings are
 * equal when derived from equal inputs, as the state they belong to is.
 */
public final class Listing {

    /** Statuses that count a session in the header's ⚡ counter. */
    public static final Set<AgentStatus> ACTIVE = EnumSet.of(AgentStatus.RUNNING, AgentStatus.TOOL_RUNNING,
            AgentStatus.WAITING, AgentStatus.INTERRUPTED, AgentStatus.STALE, AgentStatus.ERROR);

    private final StateSnapshot snapshot;
    private final PaneId pane;
    private final List<SessionName> arranged;
    private final Optional<SessionName> current;
    private final List<Session> displayed;
    private final List<ListBlock> blocks;
    private final List<Session> sessions;
    private final Map<SessionName, Integer> positions;
    private final ListRows rows;
    private final long active;
    private final long unseen;
    private final int needsYou;
    private final Instant needsYouSince;
    /** Every listed agent of the {@code all} scope, derived on first use; a racing second derivation is equal. */
    private volatile List<AgentThread> everyAgent;

    private Listing(StateSnapshot snapshot, PaneId pane, List<SessionName> arranged) {
        this.snapshot = snapshot;
        this.pane = pane;
        this.arranged = arranged;
        this.current = snapshot.topology().sessionOfPane(pane);
        this.displayed = snapshot.displayedSessions(current);
        AgentTracker agents = snapshot.agents();
        SessionFilter filter = snapshot.sidebar().filter();
        List<Session> shown = new ArrayList<>(displayed.size());
        long unseenSessions = 0;
        for (Session session : displayed) {
            if (filter.accepts(agents, session.name())) {
                shown.add(session);
            }
            if (agents.unseen(session.name())) {
                unseenSessions++;
            }
        }
        this.blocks = ListBlock.of(arrange(shown, arranged));
        List<Session> listed = new ArrayList<>(shown.size());
        for (ListBlock block : blocks) {
            listed.addAll(block.sessions());
        }
        this.sessions = List.copyOf(listed);
        this.positions = new HashMap<>();
        for (int i = 0; i < sessions.size(); i++) {
            positions.putIfAbsent(sessions.get(i).name(), i);
        }
        this.rows = ListRows.of(blocks, snapshot.sidebar().collapsedGroups(), current);
        this.active = active(agents, displayed);
        this.unseen = unseenSessions;
        int needing = 0;
        Instant oldest = null;
        for (AgentThread thread : agents.threads()) {
            if (thread.visible() && NeedsYou.needsYou(thread)) {
                needing++;
                oldest = oldest == null || thread.since().isBefore(oldest) ? thread.since() : oldest;
            }
        }
        this.needsYou = needing;
        this.needsYouSince = oldest;
    }

    /** The listing of the pane's list on {@code snapshot}, in the order {@code arranged} when not null. */
    static Listing of(StateSnapshot snapshot, PaneId pane, List<SessionName> arranged) {
        return new Listing(Objects.requireNonNull(snapshot, "snapshot"), Objects.requireNonNull(pane, "pane"), arranged);
    }

    /** True when this listing was derived from these inputs: the very snapshot, the pane, an equal order. */
    boolean derivedFrom(StateSnapshot value, PaneId paneValue, List<SessionName> arrangedValue) {
        return value == snapshot && paneValue.equals(pane) && Objects.equals(arrangedValue, arranged);
    }

    /** Sessions with a visible agent that is active in the sense of the ⚡ counter. */
    public static long active(AgentTracker agents, List<Session> sessions) {
        long count = 0;
        for (Session session : sessions) {
            // The session's rows as they are: AgentTracker.visible would sort them, which counting needs not.
            SessionAgents rows = agents.sessions().get(session.name());
            if (rows != null && anyActive(rows)) {
                count++;
            }
        }
        return count;
    }

    private static boolean anyActive(SessionAgents rows) {
        for (AgentThread thread : rows.threads().values()) {
            if (thread.visible() && ACTIVE.contains(thread.status())) {
                return true;
            }
        }
        return false;
    }

    public Optional<SessionName> current() {
        return current;
    }

    /** Live sessions in display order for this pane, hidden ones dropped but the current, before the filter. */
    public List<Session> displayed() {
        return displayed;
    }

    public List<ListBlock> blocks() {
        return blocks;
    }

    public List<Session> sessions() {
        return sessions;
    }

    public ListRows rows() {
        return rows;
    }

    /** True when the list shows the session. */
    public boolean lists(SessionName session) {
        return session != null && positions.containsKey(session);
    }

    /** Displayed sessions with an active agent: the header's ⚡ counter. */
    public long activeCount() {
        return active;
    }

    /** Displayed sessions with an agent the user has not seen: the header's ● counter. */
    public long unseenCount() {
        return unseen;
    }

    /**
     * Agent threads of every session that need the user (waiting, or an unseen end): the header's ⚑ counter, and
     * what the jump key visits.
     */
    public int needsYouCount() {
        return needsYou;
    }

    /** Since when the one that has needed the user longest has; empty when none does. */
    public Optional<Instant> needsYouSince() {
        return Optional.ofNullable(needsYouSince);
    }

    /** Every visible agent of every displayed session, in display order: what the {@code all} scope lists. */
    public List<AgentThread> everyAgent() {
        List<AgentThread> agents = everyAgent;
        if (agents == null) {
            AgentTracker tracker = snapshot.agents();
            Set<PaneId> focusedPanes = snapshot.topology().focusedPanes();
            agents = displayed.stream().flatMap(s -> tracker.visible(s.name(), focusedPanes).stream()).toList();
            everyAgent = agents;
        }
        return agents;
    }

    private static List<Session> arrange(List<Session> shown, List<SessionName> asked) {
        if (asked == null) {
            return shown;
        }
        Map<SessionName, Integer> rank = new HashMap<>();
        for (int i = 0; i < asked.size(); i++) {
            rank.putIfAbsent(asked.get(i), i);
        }
        return shown.stream()
                .sorted(Comparator.comparingInt(s -> rank.getOrDefault(s.name(), asked.size())))
                .toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Listing listing && listing.snapshot.equals(snapshot) && listing.pane.equals(pane)
                && Objects.equals(listing.arranged, arranged);
    }

    @Override
    public int hashCode() {
        return Objects.hash(snapshot, pane, arranged);
    }

    @Override
    public String toString() {
        return "Listing[" + rows.rows().size() + " rows]";
    }
}
