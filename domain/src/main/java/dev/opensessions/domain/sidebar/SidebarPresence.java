package dev.opensessions.domain.sidebar;

import java.util.Objects;

/**
 * Whether sidebars are shown (one global switch per tmux server, SPEC 9.3 decision 2) and the lifecycle
 * phase their header shows.
 */
public record SidebarPresence(boolean visible, SidebarPhase phase) {

    public SidebarPresence {
        Objects.requireNonNull(phase, "phase");
    }

    /** A new server: sidebars shown, nothing warming. */
    public static SidebarPresence initial() {
        return new SidebarPresence(true, SidebarPhase.READY);
    }

    public boolean closing() {
        return phase == SidebarPhase.CLOSING;
    }

    /** The next presence; a closing one never changes again. */
    public SidebarPresence then(boolean nextVisible, SidebarPhase nextPhase) {
        return closing() ? this : new SidebarPresence(nextVisible, nextPhase);
    }
}
