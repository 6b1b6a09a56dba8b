package dev.opensessions.domain.sidebar;

import java.util.Objects;

/**
 * Whether sidebars are shown (one global switch per tmux server, docs/reference/sidebar.md#shown-or-hidden), the
 * lifecycle phase their header shows, and the side they dock at, chosen when they were last shown.
 */
public record SidebarPresence(boolean visible, SidebarPhase phase, SidebarSide side) {

    public SidebarPresence {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(side, "side");
    }

    /** A presence docked at the left, the default side. */
    public SidebarPresence(boolean visible, SidebarPhase phase) {
        this(visible, phase, SidebarSide.LEFT);
    }

    /** A new server: sidebars shown on the left, nothing warming. */
    public static SidebarPresence initial() {
        return new SidebarPresence(true, SidebarPhase.READY);
    }

    public boolean closing() {
        return phase == SidebarPhase.CLOSING;
    }

    /** The next presence, on the same side; a closing one never changes again. */
    public SidebarPresence then(boolean nextVisible, SidebarPhase nextPhase) {
        return closing() ? this : new SidebarPresence(nextVisible, nextPhase, side);
    }

    /** The presence with sidebars docking at another side from now on; a closing one never changes again. */
    public SidebarPresence docked(SidebarSide nextSide) {
        return closing() ? this : new SidebarPresence(visible, phase, nextSide);
    }
}
