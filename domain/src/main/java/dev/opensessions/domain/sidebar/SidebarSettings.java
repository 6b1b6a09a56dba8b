package dev.opensessions.domain.sidebar;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What every sidebar shares and the user's config keeps (docs/reference/sidebar.md#shared-settings): theme, the one
 * fixed sidebar width, the session filter, the collapsed worktree groups and the detail panel's height.
 * Keyboard focus, modals and the agent scope are per pane and live in the sidebar, not here.
 *
 * @param width           the fixed sidebar width in columns, {@link #MIN_WIDTH} to {@link #MAX_WIDTH}
 * @param collapsedGroups keys of the worktree groups shown collapsed (their repository keys)
 * @param detailHeight    rows of the detail panel, {@link #MIN_DETAIL_HEIGHT} to {@link #MAX_DETAIL_HEIGHT}
 * @param agentScope      the scope a new sidebar's agents panel starts in
 * @param position        the side config {@code sidebarPosition} asks for; the tmux option
 *                        {@code @opensessions-position} overrides it, so where sidebars dock is
 *                        {@link SidebarPresence#side()}, not this
 */
public record SidebarSettings(ThemeChoice theme, int width, SessionFilter filter, Set<String> collapsedGroups,
                              int detailHeight, AgentScope agentScope, SidebarSide position) {

    public static final int DEFAULT_WIDTH = 26;
    public static final int MIN_WIDTH = 20;
    public static final int MAX_WIDTH = 60;
    public static final int DEFAULT_DETAIL_HEIGHT = 10;
    public static final int MIN_DETAIL_HEIGHT = 4;
    public static final int MAX_DETAIL_HEIGHT = 60;

    public SidebarSettings {
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(agentScope, "agentScope");
        Objects.requireNonNull(position, "position");
        collapsedGroups = Set.copyOf(collapsedGroups);
        width = clampWidth(width);
        detailHeight = Math.max(MIN_DETAIL_HEIGHT, Math.min(MAX_DETAIL_HEIGHT, detailHeight));
    }

    /** What applies without a config file. */
    public static SidebarSettings defaults() {
        return new SidebarSettings(ThemeChoice.defaultChoice(), DEFAULT_WIDTH, SessionFilter.ALL, Set.of(),
                DEFAULT_DETAIL_HEIGHT, AgentScope.CURRENT, SidebarSide.LEFT);
    }

    /** A width brought into the slider's range. */
    public static int clampWidth(int width) {
        return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, width));
    }

    public SidebarSettings withTheme(ThemeChoice value) {
        return new SidebarSettings(value, width, filter, collapsedGroups, detailHeight, agentScope, position);
    }

    public SidebarSettings withWidth(int value) {
        return new SidebarSettings(theme, value, filter, collapsedGroups, detailHeight, agentScope, position);
    }

    public SidebarSettings withFilter(SessionFilter value) {
        return new SidebarSettings(theme, width, value, collapsedGroups, detailHeight, agentScope, position);
    }

    public SidebarSettings withGroupCollapsed(String group, boolean collapsed) {
        Set<String> next = new HashSet<>(collapsedGroups);
        if (collapsed) {
            next.add(group);
        } else {
            next.remove(group);
        }
        return new SidebarSettings(theme, width, filter, next, detailHeight, agentScope, position);
    }

    public SidebarSettings withDetailHeight(int value) {
        return new SidebarSettings(theme, width, filter, collapsedGroups, value, agentScope, position);
    }

    public SidebarSettings withAgentScope(AgentScope value) {
        return new SidebarSettings(theme, width, filter, collapsedGroups, detailHeight, value, position);
    }

    public SidebarSettings withPosition(SidebarSide value) {
        return new SidebarSettings(theme, width, filter, collapsedGroups, detailHeight, agentScope, value);
    }
}
