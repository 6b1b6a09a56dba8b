package dev.opensessions.application.port.in;

import dev.opensessions.domain.sidebar.SessionFilter;
import dev.opensessions.domain.sidebar.ThemeChoice;

/**
 * Changes what every sidebar shares (docs/reference/sidebar.md#shared-settings). Each change is published to every
 * sidebar at once and written to the user's config; the width also goes to the tmux option
 * {@code @opensessions_width} and every sidebar pane is resized to it. Nothing else ever sets the width.
 */
public interface SidebarSettingsUseCase {

    void setTheme(ThemeChoice theme);

    /** Sets the fixed sidebar width, clamped to the slider's range. */
    void setWidth(int width);

    void setFilter(SessionFilter filter);

    /** Collapses or expands a worktree group, keyed by its repository key. */
    void setGroupCollapsed(String group, boolean collapsed);

    /** Sets the detail panel's height in rows, clamped to 4..60. */
    void setDetailHeight(int rows);
}
