package dev.opensessions.adapters.persistence;

import dev.opensessions.domain.sidebar.SidebarSettings;
import dev.opensessions.domain.sidebar.SidebarSide;
import dev.opensessions.domain.sidebar.ThemeChoice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** Config {@code sidebarPosition} in a real config.json: read, defaulted, warned about, and left as written. */
class SidebarPositionConfigTest {

    private static final Logger STORE_LOG = Logger.getLogger(ConfigFileSettingsStore.class.getName());

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @TempDir
    Path dir;

    @BeforeEach
    void captureWarnings() {
        STORE_LOG.addHandler(capture);
    }

    @AfterEach
    void releaseWarnings() {
        STORE_LOG.removeHandler(capture);
    }

    private Path config(String content) throws IOException {
        return Files.writeString(dir.resolve("config.json"), content);
    }

    @Test
    void thePositionReadsAsWrittenAndDefaultsToLeft() throws IOException {
        assertThat(new ConfigFileSettingsStore(config("{\"sidebarPosition\": \"right\"}")).load().position())
                .isEqualTo(SidebarSide.RIGHT);
        assertThat(new ConfigFileSettingsStore(config("{\"sidebarPosition\": \"left\"}")).load().position())
                .isEqualTo(SidebarSide.LEFT);
        assertThat(new ConfigFileSettingsStore(config("{\"theme\": \"nord\"}")).load().position())
                .isEqualTo(SidebarSide.LEFT);
        assertThat(warnings).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"middle\"", "\"Right\"", "1", "true", "null", "[\"right\"]"})
    void aBadPositionReadsAsLeftWithOneWarning(String value) throws IOException {
        ConfigFileSettingsStore store = new ConfigFileSettingsStore(
                config("{\"sidebarWidth\": 30, \"sidebarPosition\": " + value + "}"));

        SidebarSettings loaded = store.load();
        store.load();

        assertThat(loaded).isEqualTo(SidebarSettings.defaults().withWidth(30));
        assertThat(warnings).hasSize(1).first().asString().contains("sidebarPosition");
    }

    @Test
    void savingOtherChangesNeverAddsThePosition() throws IOException {
        Path file = config("{\"sidebarWidth\": 30}");
        ConfigFileSettingsStore store = new ConfigFileSettingsStore(file);

        store.save(store.load().withTheme(ThemeChoice.named("nord")));

        assertThat(Files.readString(file)).doesNotContain("sidebarPosition");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"right\"", "\"left\"", "\"middle\"", "7"})
    void savingOtherChangesKeepsThePositionAsWritten(String value) throws IOException {
        Path file = config("{\"sidebarPosition\": " + value + "}");
        ConfigFileSettingsStore store = new ConfigFileSettingsStore(file);

        store.save(store.load().withWidth(44));

        assertThat(Files.readString(file)).isEqualTo("{\n  \"sidebarPosition\": " + value
                + ",\n  \"sidebarWidth\": 44\n}\n");
    }

    @Test
    void aChangedPositionIsWritten() throws IOException {
        Path file = config("{\"sidebarPosition\": \"middle\"}");
        ConfigFileSettingsStore store = new ConfigFileSettingsStore(file);

        store.save(store.load().withPosition(SidebarSide.RIGHT));

        assertThat(Files.readString(file)).isEqualTo("{\n  \"sidebarPosition\": \"right\"\n}\n");
        assertThat(store.load().position()).isEqualTo(SidebarSide.RIGHT);
    }
}
