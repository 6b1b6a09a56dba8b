package dev.opensessions.sidebar.runtime;

import dev.opensessions.sidebar.view.Theme;
import dev.opensessions.sidebar.view.Themes;

import java.util.Objects;

/** The sidebar's share of config.json (SPEC 8.1): the theme to draw with and the sidebar pane's width. */
public record SidebarConfig(Theme theme, int sidebarWidth) {

    public static final int DEFAULT_WIDTH = 26;

    /** Widest sidebar accepted from the file; anything wider is a typo, not a sidebar. */
    public static final int MAX_WIDTH = 500;

    public SidebarConfig {
        Objects.requireNonNull(theme, "theme");
        if (sidebarWidth < 1 || sidebarWidth > MAX_WIDTH) {
            throw new IllegalArgumentException("sidebar width must be 1.." + MAX_WIDTH + ": " + sidebarWidth);
        }
    }

    /** What applies without a config file: Catppuccin Mocha, 26 columns. */
    public static SidebarConfig defaults() {
        return new SidebarConfig(Themes.defaultTheme(), DEFAULT_WIDTH);
    }
}
