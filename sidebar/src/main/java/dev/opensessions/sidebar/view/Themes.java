package dev.opensessions.sidebar.view;

import dev.opensessions.domain.sidebar.ThemeChoice;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.modal.ThemePicker;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.regex.Pattern;

/**
 * The 20 built-in sidebar themes (docs/reference/configuration.md#built-in-themes), by their exact names, plus custom
 * themes built on one of them. Palettes are each theme's published colours mapped onto the Catppuccin-style {@link
 * Theme} slots.
 */
public final class Themes {

    public static final String DEFAULT_NAME = "catppuccin-mocha";

    /** The name a theme with overridden slots carries. */
    public static final String CUSTOM_NAME = "custom";

    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

    private static final SequencedMap<String, Theme> BUILT_IN = builtIn();

    private Themes() {
    }

    /** Every built-in theme name, in the documented order, the default first. */
    public static List<String> names() {
        return List.copyOf(BUILT_IN.keySet());
    }

    public static Theme defaultTheme() {
        return BUILT_IN.get(DEFAULT_NAME);
    }

    /** A built-in theme by its exact name. */
    public static Optional<Theme> named(String name) {
        return Optional.ofNullable(name).map(BUILT_IN::get);
    }

    /**
     * The theme a shared choice stands for: the built-in theme of that name with the choice's palette
     * overrides applied. An unknown name gives the default; a palette naming an unknown slot is ignored whole.
     */
    public static Theme resolve(ThemeChoice choice) {
        return custom(choice.name(), choice.palette()).or(() -> named(choice.name())).orElseGet(Themes::defaultTheme);
    }

    /**
     * The theme a pane draws in: the theme under the theme picker's cursor while the picker previews one,
     * otherwise the shared theme of the latest snapshot.
     */
    public static Theme forPane(SidebarState state) {
        if (state.panel().modal() instanceof ThemePicker picker) {
            Optional<Theme> previewed = picker.previewed().flatMap(Themes::named);
            if (previewed.isPresent()) {
                return previewed.get();
            }
        }
        return resolve(state.snapshot().sidebar().theme());
    }

    /**
     * A built-in theme with some slots replaced, as config.json's object form of {@code theme} asks. Each
     * override maps a slot of {@link Theme#SLOTS} ({@code pink} is accepted for {@code mauve}, as some
     * palettes name it) to {@code #rrggbb}, or to {@code default} (or {@code transparent}) for the terminal's own
     * colour. Empty when the base is unknown or any override is invalid, so a typo never half-applies.
     */
    public static Optional<Theme> custom(String base, Map<String, String> overrides) {
        Optional<Theme> start = named(base);
        if (start.isEmpty() || overrides.isEmpty()) {
            return start;
        }
        Map<String, Color> slots = new HashMap<>();
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            String slot = "pink".equals(override.getKey()) ? "mauve" : override.getKey();
            Optional<Color> colour = colour(override.getValue());
            if (!Theme.SLOTS.contains(slot) || colour.isEmpty()
                    || slots.containsKey(slot) && !slots.get(slot).equals(colour.get())) {
                return Optional.empty();
            }
            slots.put(slot, colour.get());
        }
        return Optional.of(start.get().withSlots(CUSTOM_NAME, slots));
    }

    private static Optional<Color> colour(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.equals("default") || lower.equals("transparent")) {
            return Optional.of(Color.DEFAULT);
        }
        return HEX.matcher(value).matches() ? Optional.of(Color.Rgb.hex(value)) : Optional.empty();
    }

    private static SequencedMap<String, Theme> builtIn() {
        SequencedMap<String, Theme> themes = new LinkedHashMap<>();
        Theme mocha = Theme.catppuccinMocha();
        themes.put(mocha.name(), mocha);
        // Each palette lists the 20 slots in Theme.SLOTS order: blue lavender mauve yellow green red peach
        // teal sky | text subtext0 subtext1 overlay0 overlay1 | surface0 surface1 surface2 | base mantle crust.
        add(themes, "catppuccin-latte", "1e66f5 7287fd 8839ef df8e1d 40a02b d20f39 fe640b 179299 04a5e5",
                "4c4f69 6c6f85 5c5f77 9ca0b0 8c8fa1", "ccd0da bcc0cc acb0be eff1f5 e6e9ef dce0e8");
        add(themes, "catppuccin-frappe", "8caaee babbf1 ca9ee6 e5c890 a6d189 e78284 ef9f76 81c8be 99d1db",
                "c6d0f5 a5adce b5bfe2 737994 838ba7", "414559 51576d 626880 303446 292c3c 232634");
        add(themes, "catppuccin-macchiato", "8aadf4 b7bdf8 c6a0f6 eed49f a6da95 ed8796 f5a97f 8bd5ca 91d7e3",
                "cad3f5 a5adcb b8c0e0 6e738d 8087a2", "363a4f 494d64 5b6078 24273a 1e2030 181926");
        add(themes, "tokyo-night", "7aa2f7 bb9af7 bb9af7 e0af68 9ece6a f7768e ff9e64 73daca 7dcfff",
                "c0caf5 9aa5ce a9b1d6 565f89 737aa2", "292e42 3b4261 414868 1a1b26 16161e 13131a");
        add(themes, "gruvbox-dark", "83a598 d3869b d3869b fabd2f b8bb26 fb4934 fe8019 8ec07c 83a598",
                "ebdbb2 bdae93 d5c4a1 7c6f64 928374", "3c3836 504945 665c54 282828 1d2021 1d2021");
        add(themes, "nord", "81a1c1 b48ead b48ead ebcb8b a3be8c bf616a d08770 8fbcbb 88c0d0",
                "eceff4 d8dee9 e5e9f0 4c566a 616e88", "3b4252 434c5e 4c566a 2e3440 272c36 242933");
        add(themes, "dracula", "8be9fd bd93f9 ff79c6 f1fa8c 50fa7b ff5555 ffb86c 8be9fd 8be9fd",
                "f8f8f2 bfbfbf f8f8f2 6272a4 6272a4", "44475a 44475a 6272a4 282a36 21222c 191a21");
        add(themes, "github-dark", "58a6ff bc8cff bc8cff e3b341 3fb950 f85149 d29922 39c5cf 58a6ff",
                "c9d1d9 8b949e b1bac4 484f58 6e7681", "161b22 21262d 30363d 0d1117 010409 010409");
        add(themes, "one-dark", "61afef c678dd c678dd e5c07b 98c379 e06c75 d19a66 56b6c2 61afef",
                "abb2bf 828997 9da5b4 5c6370 7f848e", "2c313a 3e4451 4b5263 282c34 21252b 181a1f");
        add(themes, "kanagawa", "7e9cd8 957fb8 957fb8 e6c384 98bb6c e46876 ffa066 7aa89f 7fb4ca",
                "dcd7ba 9cabca c8c093 54546d 727169", "2a2a37 363646 54546d 1f1f28 16161d 16161d");
        add(themes, "everforest", "7fbbb3 d699b6 d699b6 dbbc7f a7c080 e67e80 e69875 83c092 7fbbb3",
                "d3c6aa 859289 9da9a0 7a8478 859289", "343f44 3d484d 475258 2d353b 272e33 232a2e");
        add(themes, "material", "82aaff c792ea c792ea ffcb6b c3e88d f07178 f78c6c 80cbc4 89ddff",
                "eeffff b0bec5 cfd8dc 546e7a 607d8b", "37474f 455a64 546e7a 263238 1e272c 192227");
        add(themes, "cobalt2", "0088ff 9a5feb fb94ff ffc600 9eff80 ff0088 ff9d00 2affdf 80fcff",
                "ffffff adb7c9 e1efff 6688aa adb7c9", "1f4662 234b6b 2d5a7b 193549 122738 0e1e2e");
        add(themes, "flexoki", "4385be 8b7ec8 ce5d97 d0a215 879a39 d14d41 da702c 3aa99f 4385be",
                "cecdc3 878580 b7b5ac 575653 6f6e69", "282726 343331 403e3c 100f0f 0d0d0c 0a0a09");
        add(themes, "ayu", "59c2ff d2a6ff d2a6ff e6b450 aad94c d95757 ff8f40 95e6cb 39bae6",
                "bfbdb6 acb6bf bfbdb6 565b66 6c7380", "131721 565b66 6c7380 0b0e14 0d1017 0f131a");
        add(themes, "aura", "82e2ff a277ff f694ff ffca85 9dff65 ff6767 ffca85 61ffca 82e2ff",
                "edecee adacae bdbdbd 6d6d6d 6d6d6d", "29263c 3d375e 6d6d6d 15141b 110f18 0f0f0f");
        add(themes, "matrix", "30b3ff c770ff c770ff e6ff57 62ff94 ff4b4b ffa83d 24f6d9 30b3ff",
                "62ff94 8ca391 8ca391 4a6b55 8ca391", "141c12 1e2a1b 2e4a37 0a0e0a 070a07 050705");
        // Mocha's accents on the terminal's own text and background colours.
        themes.put("transparent", mocha.withSlots("transparent", Map.of("text", Color.DEFAULT,
                "subtext0", Color.DEFAULT, "subtext1", Color.DEFAULT,
                "base", Color.DEFAULT, "mantle", Color.DEFAULT, "crust", Color.DEFAULT)));
        add(themes, "shades-of-purple", "9effff b362ff a599e9 fad000 a5ff90 ec3a37 ff9d00 80ffbb 9effff",
                "ffffff a599e9 a599e9 7e74b3 a599e9", "1e1e3f 4d21fc 2d2b55 2d2b55 1e1e3f 1e1e3f");
        return themes;
    }

    private static void add(Map<String, Theme> themes, String name, String accents, String texts, String surfaces) {
        String[] hexes = (accents + " " + texts + " " + surfaces).split(" ");
        if (hexes.length != Theme.SLOTS.size()) {
            throw new IllegalStateException(name + " lists " + hexes.length + " colours");
        }
        Map<String, Color> palette = new HashMap<>();
        for (int i = 0; i < hexes.length; i++) {
            palette.put(Theme.SLOTS.get(i), Color.Rgb.hex(hexes[i]));
        }
        themes.put(name, Theme.of(name, palette));
    }
}
