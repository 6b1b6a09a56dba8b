package dev.opensessions.domain.sidebar;

import java.util.Optional;

/**
 * The edge of a window sidebars dock at: the tmux option {@code @opensessions-position}
 * when set, else config {@code sidebarPosition}, else left.
 */
public enum SidebarSide {
    LEFT("left"),
    RIGHT("right");

    private final String label;

    SidebarSide(String label) {
        this.label = label;
    }

    /** The spelling the tmux option and the config key use. */
    public String label() {
        return label;
    }

    /** The side a spelling names; empty for anything but exactly {@code left} or {@code right}. */
    public static Optional<SidebarSide> parse(String text) {
        for (SidebarSide side : values()) {
            if (side.label.equals(text)) {
                return Optional.of(side);
            }
        }
        return Optional.empty();
    }

    /**
     * Where sidebars dock: the tmux option wins when it is set (not blank), and an option naming no side
     * means left rather than the config, so the user's last word is never silently replaced by an older one.
     */
    public static SidebarSide chosen(Optional<String> tmuxOption, SidebarSide configured) {
        return tmuxOption.filter(option -> !option.isBlank())
                .map(option -> parse(option).orElse(LEFT))
                .orElse(configured);
    }

    /** True when the option is set but names no side, which deserves a warning. */
    public static boolean invalidOption(Optional<String> tmuxOption) {
        return tmuxOption.filter(option -> !option.isBlank()).filter(option -> parse(option).isEmpty()).isPresent();
    }
}
