package dev.opensessions.sidebar.model;

import dev.opensessions.domain.sidebar.AgentScope;
import dev.opensessions.domain.sidebar.SessionFilter;
import dev.opensessions.domain.sidebar.SidebarSide;
import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.session.SessionName;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one sidebar pane shows and remembers: its pane and size, the latest server state, and
 * the per-pane view state: keyboard focus, pending switch, spinner frame, scroll offset, the list's pointer
 * state and the panels. The filter, the order and the collapsed groups are shared and come with the snapshot.
 *
 * @param popup        true in a {@code display-popup}, false in a docked sidebar pane
 * @param focused      the keyboard-focused session, null when none
 * @param pending      the session a switch was asked for and not yet confirmed, null when none; never
 *                     painted as current
 * @param spinnerFrame the braille spinner frame, 0 to {@link #SPINNER_FRAMES} - 1
 * @param scroll       the index of the first row ({@link ListRows}) shown in the list
 * @param listing      what the list derives from the snapshot; pass the previous state's (or null): one
 *                     derived from other inputs is derived again here, so it always matches the state
 * @param waitClock    the time the header's longest wait is told at, and the pane's next wake-up for it
 */
public record SidebarState(PaneId pane, boolean popup, int width, int height, StateSnapshot snapshot, SessionName focused,
                           SessionName pending, int spinnerFrame, int scroll, ListUi list, PanelUi panel,
                           Listing listing, WaitClock waitClock) {

    public static final int SPINNER_FRAMES = 10;

    public SidebarState {
        Objects.requireNonNull(pane, "pane");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(panel, "panel");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("pane size must be positive");
        }
        if (spinnerFrame < 0 || spinnerFrame >= SPINNER_FRAMES) {
            throw new IllegalArgumentException("spinner frame out of range");
        }
        if (scroll < 0) {
            throw new IllegalArgumentException("scroll < 0");
        }
        Objects.requireNonNull(waitClock, "waitClock");
        if (listing == null || !listing.derivedFrom(snapshot, pane, list.arranged())) {
            listing = Listing.of(snapshot, pane, list.arranged());
        }
    }

    /**
     * True when this state is {@code other} with at most another spinner frame and wait clock: every other part
     * the same instance (a tick changes nothing else), so a false answer only means the pane is drawn whole.
     */
    public boolean differsOnlyInTime(SidebarState other) {
        return other.pane == pane && other.popup == popup && other.width == width && other.height == height
                && other.snapshot == snapshot && other.focused == focused && other.pending == pending
                && other.scroll == scroll && other.list == list && other.panel == panel && other.listing == listing;
    }

    /** A fresh pane: focus on its own session, nothing pending, the whole list. */
    public static SidebarState initial(PaneId pane, int width, int height, StateSnapshot snapshot) {
        return initial(pane, false, width, height, snapshot);
    }

    /**
     * A fresh pane, docked or in a popup ({@code prefix o g}); a popup lists every session's agents at first
     * and its {@code q} and {@code Esc} close only the popup.
     */
    public static SidebarState initial(PaneId pane, boolean popup, int width, int height, StateSnapshot snapshot) {
        SidebarState bare = new SidebarState(pane, popup, width, height, snapshot, null, null, 0, 0,
                ListUi.initial(), PanelUi.initial(popup ? AgentScope.ALL : snapshot.sidebar().agentScope()), null,
                WaitClock.at(snapshot.takenAt()));
        return bare.withFocus(bare.current().orElse(null));
    }

    /**
     * The session this sidebar pane lives in: the only source of the green current row, never a global
     * guess (docs/reference/sidebar.md#current-row).
     */
    public Optional<SessionName> current() {
        return listing.current();
    }

    /** The shared session filter (docs/reference/sidebar.md#shared-settings): every sidebar lists the same sessions. */
    public SessionFilter filter() {
        return snapshot.sidebar().filter();
    }

    /**
     * The list's blocks: displayed sessions (arranged, hidden dropped but the current, filtered), grouped; in
     * the order this pane asked for while the core has not answered it yet.
     */
    public List<ListBlock> blocks() {
        return listing.blocks();
    }

    /** The sessions the list shows, in display order: worktree groups together, collapsed children included. */
    public List<Session> sessions() {
        return listing.sessions();
    }

    public ListRows rows() {
        return listing.rows();
    }

    /** The session the detail panel describes: the focused row if shown, else the current, else the first. */
    public Optional<SessionName> focusedSession() {
        if (listing.lists(focused)) {
            return Optional.of(focused);
        }
        return current().filter(listing::lists).or(() -> sessions().stream().findFirst().map(Session::name));
    }

    /** The index in {@link #rows()} of the row with the keyboard focus, -1 when the list is empty. */
    public int focusedRow(ListRows rows) {
        return rows.focusedIndex(focusedSession(), list.headerFocus());
    }

    /**
     * The layout with the shared detail panel height, or the height being dragged to, docked where sidebars
     * dock; a popup has no content beside it and keeps the left-docked look.
     */
    public Layout layout() {
        return new Layout(width, height, list.resizing() ? list.resizeRows() : snapshot.sidebar().detailHeight(),
                popup ? SidebarSide.LEFT : snapshot.presence().side());
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
        return new SidebarState(pane, popup, newWidth, newHeight, snapshot, focused, pending, spinnerFrame, scroll, list, panel, listing, waitClock)
                .withScroll(scroll);
    }

    public SidebarState withSnapshot(StateSnapshot value) {
        return new SidebarState(pane, popup, width, height, value, focused, pending, spinnerFrame, scroll, list, panel, listing, waitClock);
    }

    /** Focus on a session's own row (a header focus ends). */
    public SidebarState withFocus(SessionName value) {
        return new SidebarState(pane, popup, width, height, snapshot, value, pending, spinnerFrame, scroll,
                list.withHeaderFocus(null), panel, listing, waitClock);
    }

    /** Focus on a group's header, standing for the child it chose (docs/reference/sidebar.md#keyboard-focus). */
    public SidebarState withHeaderFocus(ListRow header) {
        return new SidebarState(pane, popup, width, height, snapshot, header.session().name(), pending, spinnerFrame,
                scroll, list.withHeaderFocus(header.group().key()), panel, listing, waitClock);
    }

    public SidebarState withPending(SessionName value) {
        return new SidebarState(pane, popup, width, height, snapshot, focused, value, spinnerFrame, scroll, list, panel, listing, waitClock);
    }

    public SidebarState withSpinnerFrame(int value) {
        return new SidebarState(pane, popup, width, height, snapshot, focused, pending, value, scroll, list, panel, listing, waitClock);
    }

    public SidebarState withList(ListUi value) {
        return new SidebarState(pane, popup, width, height, snapshot, focused, pending, spinnerFrame, scroll, value, panel, listing, waitClock);
    }

    public SidebarState withWaitClock(WaitClock value) {
        return new SidebarState(pane, popup, width, height, snapshot, focused, pending, spinnerFrame, scroll, list, panel,
                listing, value);
    }

    public SidebarState withPanel(PanelUi value) {
        return new SidebarState(pane, popup, width, height, snapshot, focused, pending, spinnerFrame, scroll, list, value, listing, waitClock);
    }

    /** Scrolls the list by rows, clamped so the last screenful stays full. */
    public SidebarState withScroll(int value) {
        int max = rows().maxScroll(layout().listRows());
        int clamped = Math.max(0, Math.min(max, value));
        return new SidebarState(pane, popup, width, height, snapshot, focused, pending, spinnerFrame, clamped, list, panel, listing, waitClock);
    }

    /** Scrolls just enough that the focused row is wholly on screen. */
    public SidebarState scrolledToFocus() {
        ListRows rows = rows();
        int index = focusedRow(rows);
        return index < 0 ? withScroll(scroll) : withScroll(rows.scrollToShow(index, scroll, layout().listRows()));
    }
}
