package dev.opensessions.adapters.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opensessions.application.port.out.StoreException;
import dev.opensessions.domain.sidebar.SidebarSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The user's config.json is never destroyed: malformed files, concurrent saves, links and modes. */
class ConfigFileSafetyTest {

    private static final Logger STORE_LOG = Logger.getLogger(ConfigFileSettingsStore.class.getName());

    private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
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

    @ParameterizedTest
    @ValueSource(strings = {"{\"theme\": \"nord\",", "{} trailing", "[1, 2]", "\"just a string\"", "null"})
    void malformedFileReadsAsDefaultsAndIsNeverOverwritten(String content) throws IOException {
        Path file = Files.writeString(dir.resolve("config.json"), content);
        ConfigFileSettingsStore store = new ConfigFileSettingsStore(file);

        assertThat(store.load()).isEqualTo(SidebarSettings.defaults());
        assertThatThrownBy(() -> store.save(SidebarSettings.defaults().withWidth(40)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("does not overwrite it");
        assertThat(Files.readString(file)).isEqualTo(content);
        assertThat(tempFilesLeft()).isEmpty();
    }

    @Test
    void aBrokenConfigIsReportedOnceNotOnEveryLoad() throws IOException {
        Path file = Files.writeString(dir.resolve("config.json"), "{\"sidebarWidth\": \"wide\", \"sessionFilter\": 1}");
        ConfigFileSettingsStore store = new ConfigFileSettingsStore(file);

        store.load();
        store.load();

        assertThat(warnings).hasSize(1);
        assertThat(warnings.getFirst().getMessage()).contains("sidebarWidth", "sessionFilter", file.toString());
        Files.writeString(file, "{oops");
        store.load();
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(1).getMessage()).contains("not valid JSON");
    }

    @Test
    void concurrentSavesAlwaysLeaveValidJsonAndKeepUnknownKeys() throws Exception {
        Path file = Files.writeString(dir.resolve("config.json"), "{\"plugins\": [\"x\"], \"mux\": \"tmux\"}");
        // Two stores on one file: only the atomic replace, not the store's own lock, keeps the file whole.
        ConfigFileSettingsStore first = new ConfigFileSettingsStore(file);
        ConfigFileSettingsStore second = new ConfigFileSettingsStore(file);
        ObjectMapper json = new ObjectMapper();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> saves = IntStream.range(0, 4).<Future<?>>mapToObj(thread -> pool.submit(() -> {
                for (int i = 0; i < 60; i++) {
                    ConfigFileSettingsStore store = thread % 2 == 0 ? first : second;
                    store.save(SidebarSettings.defaults().withWidth(20 + (thread * 60 + i) % 41));
                }
            })).toList();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (saves.stream().anyMatch(save -> !save.isDone()) && System.nanoTime() < deadline) {
                JsonNode seen = json.readTree(Files.readString(file));
                assertThat(seen.path("mux").asText()).isEqualTo("tmux");
            }
            for (Future<?> save : saves) {
                save.get(1, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        JsonNode last = json.readTree(Files.readString(file));
        assertThat(last.path("plugins").get(0).asText()).isEqualTo("x");
        assertThat(last.path("sidebarWidth").asInt()).isBetween(20, 60);
        assertThat(first.load().width()).isEqualTo(last.path("sidebarWidth").asInt());
        assertThat(tempFilesLeft()).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void aSymlinkedConfigKeepsItsLinkAndUpdatesItsTarget() throws IOException {
        Path dotfiles = Files.createDirectories(dir.resolve("dotfiles"));
        Path real = Files.writeString(dotfiles.resolve("config.json"), "{\"mux\": \"tmux\"}");
        Path link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("cfg")).resolve("config.json"), real);

        new ConfigFileSettingsStore(link).save(SidebarSettings.defaults().withWidth(35));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).contains("\"mux\": \"tmux\"", "\"sidebarWidth\": 35");
    }

    @Test
    void anExistingFileKeepsItsPermissions() throws IOException {
        Path file = Files.writeString(dir.resolve("config.json"), "{}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        new ConfigFileSettingsStore(file).save(SidebarSettings.defaults().withWidth(35));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
        assertThat(Files.readString(file)).contains("\"sidebarWidth\": 35");
    }

    @Test
    void aLinkToAFileNotCreatedYetGetsThatFileCreated() throws IOException {
        Path real = dir.resolve("dotfiles/opensessions/config.json");
        Path link = Files.createSymbolicLink(dir.resolve("config.json"), real);

        new ConfigFileSettingsStore(link).save(SidebarSettings.defaults().withWidth(24));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("{\n  \"plugins\": [],\n  \"sidebarWidth\": 24\n}\n");
    }

    @Test
    void aLinkLoopRaisesAStoreException() throws IOException {
        Path one = dir.resolve("one.json");
        Path two = Files.createSymbolicLink(dir.resolve("two.json"), one);
        Files.createSymbolicLink(one, two);

        assertThat(new ConfigFileSettingsStore(one).load()).isEqualTo(SidebarSettings.defaults());
        assertThatThrownBy(() -> new ConfigFileSettingsStore(one).save(SidebarSettings.defaults()))
                .isInstanceOf(StoreException.class).hasMessageContaining(one.toString());
        assertThat(Files.isSymbolicLink(one) && Files.isSymbolicLink(two)).isTrue();
    }

    private List<Path> tempFilesLeft() throws IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
