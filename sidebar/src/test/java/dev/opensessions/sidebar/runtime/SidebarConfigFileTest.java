package dev.opensessions.sidebar.runtime;

import dev.opensessions.sidebar.view.Color;
import dev.opensessions.sidebar.view.Theme;
import dev.opensessions.sidebar.view.Themes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SidebarConfigFileTest {

    @TempDir
    Path dir;

    private SidebarConfig read(String json) throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);
        return new SidebarConfigFile(file).read();
    }

    private static Theme theme(String name) {
        return Themes.named(name).orElseThrow();
    }

    @Test
    void aMissingFileGivesTheDefaults() {
        SidebarConfig config = new SidebarConfigFile(dir.resolve("config.json")).read();

        assertThat(config).isEqualTo(SidebarConfig.defaults());
        assertThat(config.theme()).isEqualTo(Theme.catppuccinMocha());
        assertThat(config.sidebarWidth()).isEqualTo(26);
    }

    @Test
    void aDirectoryInPlaceOfTheFileGivesTheDefaults() throws IOException {
        Files.createDirectory(dir.resolve("config.json"));

        assertThat(new SidebarConfigFile(dir.resolve("config.json")).read()).isEqualTo(SidebarConfig.defaults());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"theme\": \"nord\",", "not json", "{\"theme\": \"nord\"} trailing", "[\"nord\"]", "",
            "\"nord\"", "null"})
    void aMalformedFileGivesTheDefaults(String content) throws IOException {
        assertThat(read(content)).isEqualTo(SidebarConfig.defaults());
    }

    @Test
    void aBuiltInThemeNameAndAWidthAreRead() throws IOException {
        SidebarConfig config = read("""
                {"plugins": [], "theme": "tokyo-night", "sidebarWidth": 32, "sessionFilter": "active"}
                """);

        assertThat(config.theme()).isEqualTo(theme("tokyo-night"));
        assertThat(config.sidebarWidth()).isEqualTo(32);
    }

    @Test
    void anUnknownThemeNameFallsBackToMochaButKeepsTheWidth() throws IOException {
        SidebarConfig config = read("{\"theme\": \"solarized\", \"sidebarWidth\": 40}");

        assertThat(config.theme()).isEqualTo(Theme.catppuccinMocha());
        assertThat(config.sidebarWidth()).isEqualTo(40);
    }

    @Test
    void aThemeObjectOverridesSlotsOfItsBase() throws IOException {
        SidebarConfig config = read("""
                {"theme": {"base": "gruvbox-dark", "palette": {"blue": "#0A0B0C", "text": "#ffffff",
                  "base": "default"}, "icons": {"done": "*"}}}
                """);

        Theme gruvbox = theme("gruvbox-dark");
        assertThat(config.theme().name()).isEqualTo(Themes.CUSTOM_NAME);
        assertThat(config.theme().blue()).isEqualTo(new Color.Rgb(10, 11, 12));
        assertThat(config.theme().text()).isEqualTo(new Color.Rgb(255, 255, 255));
        assertThat(config.theme().base()).isEqualTo(Color.DEFAULT);
        assertThat(config.theme().red()).isEqualTo(gruvbox.red());
        assertThat(config.theme().surface0()).isEqualTo(gruvbox.surface0());
    }

    @Test
    void aThemeObjectWithoutABaseStartsFromMocha() throws IOException {
        SidebarConfig config = read("{\"theme\": {\"palette\": {\"pink\": \"#123456\"}}}");

        assertThat(config.theme().mauve()).isEqualTo(Color.Rgb.hex("#123456"));
        assertThat(config.theme().blue()).isEqualTo(Theme.catppuccinMocha().blue());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"base\": \"solarized\"}",
            "{\"base\": 7}",
            "{\"palette\": {\"bleu\": \"#123456\"}}",
            "{\"palette\": {\"blue\": \"#1234\"}}",
            "{\"palette\": {\"blue\": 1193046}}",
            "{\"palette\": [\"#123456\"]}"})
    void anInvalidThemeObjectFallsBackToMocha(String theme) throws IOException {
        SidebarConfig config = read("{\"theme\": " + theme + ", \"sidebarWidth\": 30}");

        assertThat(config.theme()).isEqualTo(Theme.catppuccinMocha());
        assertThat(config.sidebarWidth()).isEqualTo(30);
    }

    @Test
    void aThemeOfAnotherTypeFallsBackToMocha() throws IOException {
        assertThat(read("{\"theme\": 3}").theme()).isEqualTo(Theme.catppuccinMocha());
        assertThat(read("{\"theme\": [\"nord\"]}").theme()).isEqualTo(Theme.catppuccinMocha());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "501", "30.5", "\"30\"", "true", "null", "99999999999"})
    void anInvalidWidthFallsBackTo26ButKeepsTheTheme(String width) throws IOException {
        SidebarConfig config = read("{\"theme\": \"ayu\", \"sidebarWidth\": " + width + "}");

        assertThat(config.sidebarWidth()).isEqualTo(SidebarConfig.DEFAULT_WIDTH);
        assertThat(config.theme()).isEqualTo(theme("ayu"));
    }

    @Test
    void theFileIsReadAfreshOnEveryCall() throws IOException {
        Path file = dir.resolve("config.json");
        SidebarConfigFile config = new SidebarConfigFile(file);
        Files.writeString(file, "{\"theme\": \"nord\"}");
        assertThat(config.read().theme()).isEqualTo(theme("nord"));

        Files.writeString(file, "{\"theme\": \"matrix\", \"sidebarWidth\": 20}");

        assertThat(config.read()).isEqualTo(new SidebarConfig(theme("matrix"), 20));
    }
}
