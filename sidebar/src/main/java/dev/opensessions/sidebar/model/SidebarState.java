package dev.opensessions.sidebar.model;

import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.session.SessionName;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one sidebar pane shows and remembers (DESIGN 6): its pane and size, the latest server state, and
 * the per-pane view state: keyboard focus, pending switch, spinner frame, scroll offset and filter.
 *
 * @param focused      the keyboard-focused session, null when none
 * @param pending      the session a switch was asked for and not yet confirmed, null when none; never
 *                     painted as current (SPEC 7.6)
 * @param spinnerFrame the braille spinner frame, 0 to {@link #SPINNER_FRAMES} - 1
 * @param scroll       the index of the first session shown in the list
 */
public record SidebarState(PaneId pane, int width, int height, StateSnapshot snapshot, SessionName focused,
                           SessionName pending, int spinnerFrame, int scroll, Filter filter) {

    public static final int SPINNER_FRAMES = 10;

    public SidebarState {
        Objects.requireNonNull(pane, "pane");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(filter, "filter");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("pane size must be positive");
        }
        if (spinnerFrame < 0 || spinnerFrame >= SPINNER_FRAMES) {
            throw new IllegalArgumentException("spinner frame out of range");
        }
        if (scroll < 0) {
            throw new IllegalArgumentException("scroll < 0");
        }
    }

    /** A fresh pane: focus on its own session, nothing pending, the whole list. */
    public static SidebarState initial(PaneId pane, int width, int height, StateSnapshot snapshot) {
        SidebarState bare = new SidebarState(pane, width, height, snapshot, null, null, 0, 0, Filter.ALL);
        return bare.withFocus(bare.current().orElse(null));
    }

    /**
     * The session this sidebar pane lives in: the only source of the green current row, never a global
     * guess (SPEC 9.3 decision 3).
     */
    public Optional<SessionName> current() {
        return snapshot.topology().sessionOfPane(pane);
    }

    /** The sessions the list shows, in display order: arranged, hidden ones dropped (not the current), filtered. */
    public List<Session> sessions() {
        return snapshot.displayedSessions(current()).stream()
                .filter(s -> filter.accepts(snapshot.agents(), s.name()))
                .toList();
    }

    /** The session the detail panel describes: the focused row if shown, else the current, else the first. */
    public Optional<SessionName> focusedSession() {
        List<Session> shown = sessions();
        return Optional.ofNullable(focused).filter(f -> indexOf(shown, f) >= 0)
                .or(() -> current().filter(c -> indexOf(shown, c) >= 0))
                .or(() -> shown.stream().findFirst().map(Session::name));
    }

    public Layout layout() {
        return new Layout(width, height);
    }

    /** The index of the named session in the list, or -1. */
    public static int indexOf(List<Session> sessions, SessionName name) {
        for (int i = 0; i < sessions.size(); i++) {
            if (sessions.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public SidebarState withSize(int newWidth, int newHeight) {
        return new SidebarState(pane, newWidth, newHeight, snapshot, focused, pending, spinnerFrame, scroll, filter)
                .withScroll(scroll);
    }

    public SidebarState withSnapshot(StateSnapshot value) {
        return new SidebarState(pane, width, height, value, focused, pending, spinnerFrame, scroll, filter);
    }

    public SidebarState withFocus(SessionName value) {
        return new SidebarState(pane, width, height, snapshot, value, pending, spinnerFrame, scroll, filter);
    }

    public SidebarState withPending(SessionName value) {
        return new SidebarState(pane, width, height, snapshot, focused, value, spinnerFrame, scroll, filter);
    }

    public SidebarState withSpinnerFrame(int value) {
        return new SidebarState(pane, width, height, snapshot, focused, pending, value, scroll, filter);
    }

    public SidebarState withFilter(Filter value) {
        return new SidebarState(pane, width, height, snapshot, focused, pending, spinnerFrame, scroll, value);
    }

    /** Scrolls the list, clamped so the last screenful stays full. */
    public SidebarState withScroll(int value) {
        int max = Math.max(0, sessions().size() - layout().capacity());
        int clamped = Math.max(0, Math.min(max, value));
        return new SidebarState(pane, width, height, snapshot, focused, pending, spinnerFrame, clamped, filter);
    }

    /** Scrolls just enough that the focused session's rows are on screen. */
    public SidebarState scrolledToFocus() {
        int index = focusedSession().map(f -> indexOf(sessions(), f)).orElse(-1);
        int capacity = Math.max(1, layout().capacity());
        if (index < 0) {
            return withScroll(scroll);
        }
        if (index < scroll) {
            return withScroll(index);
        }
        if (index >= scroll + capacity) {
            return withScroll(index - capacity + 1);
        }
        return withScroll(scroll);
    }
}
