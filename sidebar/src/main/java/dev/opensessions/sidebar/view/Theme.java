package dev.opensessions.sidebar.view;

import java.util.Objects;

/**
 * A sidebar colour theme: the Catppuccin-style palette slots of SPEC 7.8. The slot SPEC 7.8 calls
 * "pink/mauve" is {@code mauve}.
 */
public record Theme(String name, Color blue, Color lavender, Color mauve, Color yellow, Color green, Color red,
                    Color peach, Color teal, Color sky, Color text, Color subtext0, Color subtext1,
                    Color overlay0, Color overlay1, Color surface0, Color surface1, Color surface2,
                    Color base, Color mantle, Color crust) {

    public Theme {
        Objects.requireNonNull(name, "name");
        for (Color slot : new Color[]{blue, lavender, mauve, yellow, green, red, peach, teal, sky, text, subtext0,
                subtext1, overlay0, overlay1, surface0, surface1, surface2, base, mantle, crust}) {
            Objects.requireNonNull(slot, "palette slot");
        }
    }

    /** The default theme, with Catppuccin Mocha's published colours. */
    public static Theme catppuccinMocha() {
        return new Theme("catppuccin-mocha",
                rgb("#89b4fa"), rgb("#b4befe"), rgb("#cba6f7"), rgb("#f9e2af"), rgb("#a6e3a1"), rgb("#f38ba8"),
                rgb("#fab387"), rgb("#94e2d5"), rgb("#89dceb"), rgb("#cdd6f4"), rgb("#a6adc8"), rgb("#bac2de"),
                rgb("#6c7086"), rgb("#7f849c"), rgb("#313244"), rgb("#45475a"), rgb("#585b70"),
                rgb("#1e1e2e"), rgb("#181825"), rgb("#11111b"));
    }

    /** Text in a palette colour on the terminal's own background. */
    public CellStyle fg(Color color) {
        return CellStyle.PLAIN.withForeground(color);
    }

    private static Color rgb(String hex) {
        return Color.Rgb.hex(hex);
    }
}
