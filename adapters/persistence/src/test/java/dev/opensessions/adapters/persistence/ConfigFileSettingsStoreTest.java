package dev.opensessions.adapters.persistence;

import dev.opensessions.domain.sidebar.AgentScope;
import dev.opensessions.domain.sidebar.SessionFilter;
import dev.opensessions.domain.sidebar.SidebarSettings;
import dev.opensessions.domain.sidebar.SidebarSide;
import dev.opensessions.domain.sidebar.ThemeChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading and merging the sidebar keys of a real config.json in a temporary folder. */
class ConfigFileSettingsStoreTest {

    private static final SidebarSettings DEFAULTS = SidebarSettings.defaults();

    @TempDir
    Path dir;

    private Path config(String content) throws IOException {
        return Files.writeString(dir.resolve("config.json"), content);
    }

    @Test
    void missingFileLoadsTheDefaultsAndCreatesNothing() {
        Path file = dir.resolve("config.json");

        assertThat(new ConfigFileSettingsStore(file).load()).isEqualTo(DEFAULTS);
        assertThat(file).doesNotExist();
    }

    @Test
    void everySavedSettingLoadsBack() {
        ConfigFileSettingsStore store = new ConfigFileSettingsStore(dir.resolve("config.json"));
        SidebarSettings saved = new SidebarSettings(ThemeChoice.named("nord"), 41, SessionFilter.RUNNING,
                Set.of("github.com/a/repo", "/home/me/work tree"), 17, AgentScope.ALL, SidebarSide.RIGHT);

        store.save(saved);

        assertThat(store.load()).isEqualTo(saved);
        assertThat(new ConfigFileSettingsStore(dir.resolve("config.json")).load()).isEqualTo(saved);
        SidebarSettings changedBack = saved.withFilter(SessionFilter.ALL).withGroupCollapsed("/home/me/work tree", false);
        store.save(changedBack);
        assertThat(store.load()).isEqualTo(changedBack);
    }

    @Test
    void firstSaveCreatesTheFolderAndStartsFromAnEmptyPluginList() throws IOException {
        Path file = dir.resolve("nested/opensessions/config.json");

        new ConfigFileSettingsStore(file).save(DEFAULTS.withWidth(30).withGroupCollapsed("b", true)
                .withGroupCollapsed("a", true));

        assertThat(Files.readString(file)).isEqualTo("""
                {
                  "plugins": [],
                  "sidebarWidth": 30,
                  "collapsedWorktreeGroups": [
                    "a",
                    "b"
                  ]
                }
                """);
    }

    @Test
    void savingMergesIntoTheFileKeepingUnknownKeysInTheirPlace() throws IOException {
        Path file = config("""
                {"mux": "tmux", "theme": "nord", "sshNodes": [{"nodeId": "n1", "host": "h"}],
                 "sidebarWidth": 26, "keybinding": {"prefix": "o"}, "port": 7391}""");
        ConfigFileSettingsStore store = new ConfigFileSettingsStore(file);

        store.save(store.load().withTheme(ThemeChoice.named("dracula")).withWidth(33).withDetailHeight(12));

        assertThat(Files.readString(file)).isEqualTo("""
                {
                  "mux": "tmux",
                  "theme": "dracula",
                  "sshNodes": [
                    {
                      "nodeId": "n1",
                      "host": "h"
                    }
                  ],
                  "sidebarWidth": 33,
                  "keybinding": {
                    "prefix": "o"
                  },
                  "port": 7391,
                  "detailPanelHeight": 12
                }
                """);
    }

    @Test
    void savingWritesOnlyKeysThatReadDifferently() throws IOException {
        // 10 reads as 20 and the odd palette as the default theme; saving what was read keeps both as written.
        Path file = config("""
                {"sidebarWidth": 10, "theme": {"base": "nord", "palette": {"blue": "not-a-colour"}}}""");
        ConfigFileSettingsStore store = new ConfigFileSettingsStore(file);
        SidebarSettings loaded = store.load();

        store.save(loaded.withFilter(SessionFilter.ACTIVE));

        assertThat(Files.readString(file)).isEqualTo("""
                {
                  "sidebarWidth": 10,
                  "theme": {
                    "base": "nord",
                    "palette": {
                      "blue": "not-a-colour"
                    }
                  },
                  "sessionFilter": "active"
                }
                """);
        assertThat(store.load()).isEqualTo(loaded.withFilter(SessionFilter.ACTIVE));
    }

    @Test
    void savingTheDefaultsAddsNoKeys() throws IOException {
        Path file = dir.resolve("config.json");

        new ConfigFileSettingsStore(file).save(DEFAULTS);

        assertThat(Files.readString(file)).isEqualTo("{\n  \"plugins\": []\n}\n");
    }

    @Test
    void aThemeWithAPaletteIsWrittenInTheObjectFormAndReadBack() throws IOException {
        Path file = dir.resolve("config.json");
        ConfigFileSettingsStore store = new ConfigFileSettingsStore(file);
        ThemeChoice custom = new ThemeChoice("nord", Map.of("surface0", "#112233", "blue", "#88C0D0"));

        store.save(DEFAULTS.withTheme(custom));

        assertThat(store.load().theme()).isEqualTo(custom);
        assertThat(Files.readString(file)).isEqualTo("""
                {
                  "plugins": [],
                  "theme": {
                    "base": "nord",
                    "palette": {
                      "blue": "#88C0D0",
                      "surface0": "#112233"
                    }
                  }
                }
                """);
        store.save(DEFAULTS.withTheme(ThemeChoice.named("tokyo-night")));
        assertThat(Files.readString(file)).contains("\"theme\": \"tokyo-night\"").doesNotContain("palette");
    }

    @Test
    void objectThemesReadAsTheChoiceTheyName() throws IOException {
        assertThat(themeOf("{\"theme\": {\"base\": \"gruvbox-dark\", \"palette\": {\"red\": \"#ff0000\"}}}"))
                .isEqualTo(new ThemeChoice("gruvbox-dark", Map.of("red", "#ff0000")));
        assertThat(themeOf("{\"theme\": {\"palette\": {\"blue\": \"#000000\"}}}"))
                .isEqualTo(new ThemeChoice(ThemeChoice.DEFAULT_NAME, Map.of("blue", "#000000")));
        assertThat(themeOf("{\"theme\": {\"base\": \"nord\"}}")).isEqualTo(ThemeChoice.named("nord"));
        assertThat(themeOf("{\"theme\": \"rose-pine\"}")).isEqualTo(ThemeChoice.named("rose-pine"));
    }

    @Test
    void invalidThemesReadAsTheDefaultTheme() throws IOException {
        for (String theme : new String[] {"7", "\"Not A Name\"", "{\"base\": 3}", "{\"palette\": []}",
            "{\"base\": \"nord\", \"palette\": {\"blue\": 5}}", "{\"palette\": {\"blue\": \"#12345\"}}", "null"}) {
            assertThat(themeOf("{\"theme\": " + theme + "}")).as(theme).isEqualTo(ThemeChoice.defaultChoice());
        }
    }

    private ThemeChoice themeOf(String json) throws IOException {
        return new ConfigFileSettingsStore(config(json)).load().theme();
    }

    @Test
    void widthAndDetailHeightAreClampedToTheirRanges() throws IOException {
        assertThat(load("{\"sidebarWidth\": 5, \"detailPanelHeight\": 1}"))
                .isEqualTo(DEFAULTS.withWidth(SidebarSettings.MIN_WIDTH).withDetailHeight(4));
        assertThat(load("{\"sidebarWidth\": 300, \"detailPanelHeight\": 100}"))
                .isEqualTo(DEFAULTS.withWidth(SidebarSettings.MAX_WIDTH).withDetailHeight(60));
        assertThat(load("{\"sidebarWidth\": 99999999999999999999, \"detailPanelHeight\": -99999999999}"))
                .isEqualTo(DEFAULTS.withWidth(SidebarSettings.MAX_WIDTH).withDetailHeight(4));
        assertThat(load("{\"sidebarWidth\": 48}").width()).isEqualTo(48);
    }

    @Test
    void eachKeyOfTheWrongTypeFallsBackToItsOwnDefault() throws IOException {
        SidebarSettings loaded = load("""
                {"theme": "nord", "sidebarWidth": "30", "sessionFilter": "Running", "collapsedWorktreeGroups": ["a", 1],
                 "detailPanelHeight": 7.5, "agentPanelScope": "all"}""");

        assertThat(loaded).isEqualTo(DEFAULTS.withTheme(ThemeChoice.named("nord")).withAgentScope(AgentScope.ALL));
        assertThat(load("{\"collapsedWorktreeGroups\": \"a\", \"sessionFilter\": \"running\"}"))
                .isEqualTo(DEFAULTS.withFilter(SessionFilter.RUNNING));
    }

    private SidebarSettings load(String json) throws IOException {
        return new ConfigFileSettingsStore(config(json)).load();
    }

    @Test
    void anEmptyFileCountsAsMissing() throws IOException {
        Path file = config("  \n");
        ConfigFileSettingsStore store = new ConfigFileSettingsStore(file);

        assertThat(store.load()).isEqualTo(DEFAULTS);
        store.save(DEFAULTS.withWidth(22));
        assertThat(Files.readString(file)).isEqualTo("{\n  \"plugins\": [],\n  \"sidebarWidth\": 22\n}\n");
    }
}
