package dev.opensessions.sidebar.view;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A sidebar colour theme: the Catppuccin-style palette slots (docs/reference/configuration.md#a-custom-theme).
 * The slot some palettes call "pink" is {@code mauve}.
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

    /** The palette slot names, in the order of the record's colour components and of {@link #palette()}. */
    public static final List<String> SLOTS = List.of("blue", "lavender", "mauve", "yellow", "green", "red", "peach",
            "teal", "sky", "text", "subtext0", "subtext1", "overlay0", "overlay1", "surface0", "surface1", "surface2",
            "base", "mantle", "crust");

    /** A theme from a full palette keyed by {@link #SLOTS}; a missing slot is an error. */
    public static Theme of(String name, Map<String, Color> palette) {
        Color[] slots = new Color[SLOTS.size()];
        for (int i = 0; i < slots.length; i++) {
            String slot = SLOTS.get(i);
            slots[i] = Objects.requireNonNull(palette.get(slot), () -> "palette has no " + slot);
        }
        return new Theme(name, slots[0], slots[1], slots[2], slots[3], slots[4], slots[5], slots[6], slots[7],
                slots[8], slots[9], slots[10], slots[11], slots[12], slots[13], slots[14], slots[15], slots[16],
                slots[17], slots[18], slots[19]);
    }

    /** Every slot by name, in {@link #SLOTS} order. */
    public Map<String, Color> palette() {
        List<Color> colours = List.of(blue, lavender, mauve, yellow, green, red, peach, teal, sky, text, subtext0,
                subtext1, overlay0, overlay1, surface0, surface1, surface2, base, mantle, crust);
        Map<String, Color> palette = new LinkedHashMap<>();
        for (int i = 0; i < SLOTS.size(); i++) {
            palette.put(SLOTS.get(i), colours.get(i));
        }
        return palette;
    }

    /**
     * This palette with some slots replaced, under a new name.
     *
     * @throws IllegalArgumentException for a slot name not in {@link #SLOTS}
     */
    public Theme withSlots(String newName, Map<String, Color> overrides) {
        Map<String, Color> palette = palette();
        overrides.forEach((slot, colour) -> {
            if (!palette.containsKey(slot)) {
                throw new IllegalArgumentException("unknown palette slot: " + slot);
            }
            palette.put(slot, Objects.requireNonNull(colour, "colour"));
        });
        return of(newName, palette);
    }

    /** Text in a palette colour on the terminal's own background. */
    public CellStyle fg(Color color) {
        return CellStyle.PLAIN.withForeground(color);
    }

    private static Color rgb(String hex) {
        return Color.Rgb.hex(hex);
    }
}
