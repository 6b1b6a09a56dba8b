package dev.opensessions.domain.sidebar;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The theme every sidebar draws with: a built-in name, optionally with palette slots
 * overridden by a custom theme object in {@code config.json}. The sidebar knows the built-in palettes;
 * the core only carries the choice.
 *
 * @param name    a built-in theme name such as {@code catppuccin-mocha}
 * @param palette slot name ({@code blue}, {@code surface0}, ...) to {@code #rrggbb}, or {@code default} /
 *                {@code transparent} for the terminal's own colour; empty for a plain built-in
 */
public record ThemeChoice(String name, Map<String, String> palette) {

    public static final String DEFAULT_NAME = "catppuccin-mocha";
    /**
     * The 20 built-in themes (docs/reference/configuration.md#built-in-themes), the default first; the sidebar holds
     * their palettes.
     */
    public static final List<String> BUILT_IN = List.of(DEFAULT_NAME, "catppuccin-latte", "catppuccin-frappe",
            "catppuccin-macchiato", "tokyo-night", "gruvbox-dark", "nord", "dracula", "github-dark", "one-dark",
            "kanagawa", "everforest", "material", "cobalt2", "flexoki", "ayu", "aura", "matrix", "transparent",
            "shades-of-purple");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}|default|transparent");

    public ThemeChoice {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a theme name: " + name);
        }
        palette = Map.copyOf(palette);
        palette.forEach((slot, colour) -> {
            if (!NAME.matcher(slot).matches() || !COLOUR.matcher(colour).matches()) {
                throw new IllegalArgumentException("not a palette entry: " + slot + "=" + colour);
            }
        });
    }

    public static ThemeChoice named(String name) {
        return new ThemeChoice(name, Map.of());
    }

    public static ThemeChoice defaultChoice() {
        return named(DEFAULT_NAME);
    }
}
