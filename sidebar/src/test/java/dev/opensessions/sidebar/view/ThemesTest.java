package dev.opensessions.sidebar.view;

import dev.opensessions.domain.sidebar.ThemeChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ThemesTest {

    private static final Theme MOCHA = Theme.catppuccinMocha();

    static List<String> builtInNames() {
        return Themes.names();
    }

    @Test
    void theTwentyBuiltInNamesComeInSpecOrderWithMochaFirst() {
        assertThat(Themes.names()).containsExactly("catppuccin-mocha", "catppuccin-latte", "catppuccin-frappe",
                "catppuccin-macchiato", "tokyo-night", "gruvbox-dark", "nord", "dracula", "github-dark", "one-dark",
                "kanagawa", "everforest", "material", "cobalt2", "flexoki", "ayu", "aura", "matrix", "transparent",
                "shades-of-purple");
        assertThat(Themes.defaultTheme()).isEqualTo(MOCHA);
    }

    @ParameterizedTest
    @MethodSource("builtInNames")
    void everyBuiltInNameResolvesToAThemeCarryingThatName(String name) {
        assertThat(Themes.named(name)).hasValueSatisfying(theme -> assertThat(theme.name()).isEqualTo(name));
    }

    @ParameterizedTest
    @MethodSource("builtInNames")
    void everyThemeButMochaHasItsOwnTextOrAccentColours(String name) {
        Theme theme = Themes.named(name).orElseThrow();
        if (name.equals("catppuccin-mocha")) {
            assertThat(theme.palette()).isEqualTo(MOCHA.palette());
        } else {
            assertThat(theme.text()).isNotEqualTo(MOCHA.text());
        }
    }

    @Test
    void noTwoBuiltInThemesShareAPalette() {
        Set<Map<String, Color>> palettes = new HashSet<>();
        Themes.names().forEach(name -> palettes.add(Themes.named(name).orElseThrow().palette()));

        assertThat(palettes).hasSize(20);
    }

    @Test
    void mochaHasTheSpecReferenceColours() {
        assertThat(List.of(MOCHA.blue(), MOCHA.lavender(), MOCHA.mauve(), MOCHA.yellow(), MOCHA.green(), MOCHA.red(),
                MOCHA.peach(), MOCHA.teal(), MOCHA.sky(), MOCHA.text(), MOCHA.subtext0(), MOCHA.subtext1(),
                MOCHA.overlay0(), MOCHA.overlay1(), MOCHA.surface1(), MOCHA.surface2())).containsExactly(
                rgb(137, 180, 250), rgb(180, 190, 254), rgb(203, 166, 247), rgb(249, 226, 175), rgb(166, 227, 161),
                rgb(243, 139, 168), rgb(250, 179, 135), rgb(148, 226, 213), rgb(137, 220, 235), rgb(205, 214, 244),
                rgb(166, 173, 200), rgb(186, 194, 222), rgb(108, 112, 134), rgb(127, 132, 156), rgb(69, 71, 90),
                rgb(88, 91, 112));
    }

    @Test
    void publishedPalettesLandInTheirSlots() {
        Theme nord = Themes.named("nord").orElseThrow();
        Theme latte = Themes.named("catppuccin-latte").orElseThrow();

        assertThat(nord.red()).isEqualTo(Color.Rgb.hex("#bf616a"));
        assertThat(nord.base()).isEqualTo(Color.Rgb.hex("#2e3440"));
        assertThat(latte.text()).isEqualTo(Color.Rgb.hex("#4c4f69"));
        assertThat(latte.base()).isEqualTo(Color.Rgb.hex("#eff1f5"));
    }

    @Test
    void transparentLeavesTextAndBackgroundsToTheTerminal() {
        Theme transparent = Themes.named("transparent").orElseThrow();

        assertThat(List.of(transparent.text(), transparent.subtext0(), transparent.subtext1(), transparent.base(),
                transparent.mantle(), transparent.crust())).containsOnly(Color.DEFAULT);
        assertThat(transparent.blue()).isEqualTo(MOCHA.blue());
        assertThat(transparent.red()).isEqualTo(MOCHA.red());
    }

    @Test
    void unknownOrMissingNamesResolveToNothing() {
        assertThat(Themes.named("solarized")).isEmpty();
        assertThat(Themes.named("Catppuccin-Mocha")).isEmpty();
        assertThat(Themes.named(null)).isEmpty();
    }

    @Test
    void customThemeReplacesOnlyTheGivenSlotsOfItsBase() {
        Theme nord = Themes.named("nord").orElseThrow();

        Theme custom = Themes.custom("nord", Map.of("blue", "#112233", "pink", "#445566", "base", "default"))
                .orElseThrow();

        assertThat(custom.name()).isEqualTo(Themes.CUSTOM_NAME);
        assertThat(custom.blue()).isEqualTo(rgb(0x11, 0x22, 0x33));
        assertThat(custom.mauve()).isEqualTo(rgb(0x44, 0x55, 0x66));
        assertThat(custom.base()).isEqualTo(Color.DEFAULT);
        assertThat(custom.withSlots("nord", Map.of("blue", nord.blue(), "mauve", nord.mauve(), "base", nord.base())))
                .isEqualTo(nord);
    }

    @Test
    void customThemeWithoutOverridesIsItsBase() {
        assertThat(Themes.custom("dracula", Map.of())).isEqualTo(Themes.named("dracula"));
    }

    @Test
    void anyInvalidPartMakesTheCustomThemeInvalid() {
        assertThat(Themes.custom("no-such-theme", Map.of("blue", "#112233"))).isEmpty();
        assertThat(Themes.custom("nord", Map.of("bleu", "#112233"))).isEmpty();
        assertThat(Themes.custom("nord", Map.of("blue", "112233"))).isEmpty();
        assertThat(Themes.custom("nord", Map.of("blue", "#12345"))).isEmpty();
        assertThat(Themes.custom("nord", Map.of("blue", "#gg2233"))).isEmpty();
        assertThat(Themes.custom("nord", Map.of("blue", "blue"))).isEmpty();
        assertThat(Themes.custom("nord", Map.of("pink", "#112233", "mauve", "#445566"))).isEmpty();
    }

    @Test
    void aSharedChoiceResolvesToItsBuiltInThemeWithItsPaletteApplied() {
        Theme nord = Themes.named("nord").orElseThrow();

        assertThat(Themes.resolve(ThemeChoice.named("nord"))).isEqualTo(nord);
        Theme custom = Themes.resolve(new ThemeChoice("nord", Map.of("blue", "#112233")));
        assertThat(custom.blue()).isEqualTo(rgb(0x11, 0x22, 0x33));
        assertThat(custom.text()).isEqualTo(nord.text());
    }

    @Test
    void anUnknownChoiceDrawsInTheDefaultAndAPaletteThatDoesNotApplyIsIgnored() {
        assertThat(Themes.resolve(ThemeChoice.named("solarized"))).isEqualTo(MOCHA);
        assertThat(Themes.resolve(new ThemeChoice("ayu", Map.of("bleu", "#112233"))))
                .isEqualTo(Themes.named("ayu").orElseThrow());
    }

    private static Color rgb(int red, int green, int blue) {
        return new Color.Rgb(red, green, blue);
    }
}
