package dev.opensessions.domain.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The user's arrangement of sessions: an explicit order that comes first, and a hidden set.
 * Names of sessions that do not exist right now are kept, so a session that comes back keeps its place.
 */
public record SessionOrder(List<SessionName> order, Set<SessionName> hidden) {

    private static final Comparator<Session> BASE_ORDER =
            Comparator.comparing(Session::createdAt).thenComparing(Session::name);

    public SessionOrder {
        order = List.copyOf(new LinkedHashSet<>(order));
        hidden = Set.copyOf(hidden);
    }

    public static SessionOrder empty() {
        return new SessionOrder(List.of(), Set.of());
    }

    /** All live sessions: base order by creation time then name, with the user's order applied on top. */
    public List<Session> arrange(List<Session> sessions) {
        List<Session> base = new ArrayList<>(sessions);
        base.sort(BASE_ORDER);
        List<Session> arranged = new ArrayList<>(base.size());
        for (SessionName name : order) {
            base.stream().filter(s -> s.name().equals(name)).findFirst().ifPresent(arranged::add);
        }
        for (Session session : base) {
            if (!order.contains(session.name())) {
                arranged.add(session);
            }
        }
        return arranged;
    }

    /** The sessions a client sees: arranged, hidden ones dropped, except that client's current session. */
    public List<Session> display(List<Session> sessions, Optional<SessionName> current) {
        return arrange(sessions).stream()
                .filter(s -> !hidden.contains(s.name()) || current.filter(s.name()::equals).isPresent())
                .toList();
    }

    /**
     * Moves a displayed session by {@code delta} places among the displayed sessions; the result lists every
     * arranged session explicitly so the move survives new sessions appearing.
     */
    public Optional<SessionOrder> move(SessionName name, int delta, List<Session> sessions, Optional<SessionName> current) {
        List<Session> shown = display(sessions, current);
        int from = indexOf(shown, name);
        if (from < 0) {
            return Optional.empty();
        }
        int to = Math.max(0, Math.min(shown.size() - 1, from + delta));
        List<SessionName> shownNames = new ArrayList<>(shown.stream().map(Session::name).toList());
        shownNames.add(to, shownNames.remove(from));
        return Optional.of(layIn(shownNames, sessions));
    }

    /**
     * Puts the given live sessions in the given order, in the places they hold now (a group moved as a
     * block, a drag-reorder); every other session keeps its place. Names of sessions that are not live are
     * ignored. The result lists every arranged session explicitly, as {@link #move} does.
     */
    public SessionOrder arrangeAs(List<SessionName> wanted, List<Session> sessions) {
        Set<SessionName> live = new LinkedHashSet<>(sessions.stream().map(Session::name).toList());
        List<SessionName> names = new ArrayList<>(new LinkedHashSet<>(wanted));
        names.retainAll(live);
        return layIn(names, sessions);
    }

    /** Lays {@code names} into the slots those sessions occupy in the arranged order; the rest stay put. */
    private SessionOrder layIn(List<SessionName> names, List<Session> sessions) {
        List<SessionName> all = new ArrayList<>(arrange(sessions).stream().map(Session::name).toList());
        // Sessions not named keep their slots; the named ones are laid back into the slots they occupied.
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (names.contains(all.get(i))) {
                slots.add(i);
            }
        }
        for (int i = 0; i < slots.size(); i++) {
            all.set(slots.get(i), names.get(i));
        }
        List<SessionName> kept = new ArrayList<>(all);
        order.stream().filter(n -> !kept.contains(n)).forEach(kept::add);
        return new SessionOrder(kept, hidden);
    }

    public SessionOrder hide(SessionName name) {
        Objects.requireNonNull(name, "name");
        Set<SessionName> more = new LinkedHashSet<>(hidden);
        more.add(name);
        return new SessionOrder(order, more);
    }

    public SessionOrder showAll() {
        return new SessionOrder(order, Set.of());
    }

    /** Carries a renamed session's place and hidden flag over to its new name. */
    public SessionOrder rename(SessionName from, SessionName to) {
        List<SessionName> renamed = order.stream().map(n -> n.equals(from) ? to : n).toList();
        Set<SessionName> hiddenRenamed = new LinkedHashSet<>();
        hidden.forEach(n -> hiddenRenamed.add(n.equals(from) ? to : n));
        return new SessionOrder(renamed, hiddenRenamed);
    }

    private static int indexOf(List<Session> sessions, SessionName name) {
        for (int i = 0; i < sessions.size(); i++) {
            if (sessions.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
