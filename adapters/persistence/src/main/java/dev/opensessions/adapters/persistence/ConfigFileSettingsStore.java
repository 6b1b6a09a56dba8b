package dev.opensessions.adapters.persistence;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opensessions.application.port.out.SettingsStore;
import dev.opensessions.application.port.out.StoreException;
import dev.opensessions.domain.sidebar.SidebarSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the shared sidebar settings in the user's {@code config.json}. Reading never fails: a
 * missing file, malformed JSON or an invalid key gives the defaults, with one warning. Saving merges only
 * the sidebar keys that changed into the file, keeps every other key in its place, and replaces the file
 * atomically; a file that is not a JSON object is refused rather than overwritten.
 */
public final class ConfigFileSettingsStore implements SettingsStore {

    private static final System.Logger LOG = System.getLogger(ConfigFileSettingsStore.class.getName());
    private static final String NEW_FILE = "{\"plugins\":[]}";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    // Two-space indent and "key": value, the layout the reference's servers write.
    private static final ObjectWriter PRETTY = JSON.writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private final Path file;
    // The last warning given, so a config that stays broken is reported once, not on every load.
    private final AtomicReference<String> lastWarning = new AtomicReference<>();

    public ConfigFileSettingsStore(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    public SidebarSettings load() {
        return switch (read()) {
            case ConfigRead.Missing missing -> SidebarSettings.defaults();
            case ConfigRead.Unusable unusable -> {
                warn(unusable.reason() + "; using the default sidebar settings");
                yield SidebarSettings.defaults();
            }
            case ConfigRead.Parsed parsed -> {
                List<String> invalid = new ArrayList<>();
                SidebarSettings settings = SidebarConfigKeys.read(parsed.root(), invalid);
                if (!invalid.isEmpty()) {
                    warn(file + " has invalid " + String.join(", ", invalid) + "; using the default for each");
                }
                yield settings;
            }
        };
    }

    /** Serialised so that two saves never interleave their read and their write of the file. */
    @Override
    public synchronized void save(SidebarSettings settings) {
        Objects.requireNonNull(settings, "settings");
        ObjectNode root = switch (read()) {
            case ConfigRead.Missing missing -> parse(NEW_FILE);
            case ConfigRead.Parsed parsed -> parsed.root();
            case ConfigRead.Unusable unusable -> throw new StoreException(unusable.reason()
                    + "; opensessions does not overwrite it, so the sidebar settings are not saved."
                    + " Fix the file or move it away", unusable.cause());
        };
        SidebarConfigKeys.write(root, settings);
        try {
            AtomicFiles.replace(file, (PRETTY.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException failure) {
            throw new StoreException("cannot write " + file + ": " + failure, failure);
        }
    }

    /** The file's root object; an empty file counts as missing, having nothing to lose. */
    private ConfigRead read() {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException missing) {
            return new ConfigRead.Missing();
        } catch (IOException failure) {
            return new ConfigRead.Unusable("cannot read " + file + ": " + failure, failure);
        }
        if (text.isBlank()) {
            return new ConfigRead.Missing();
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException malformed) {
            return new ConfigRead.Unusable(file + " is not valid JSON (" + malformed.getOriginalMessage() + ")",
                    malformed);
        }
        if (!(root instanceof ObjectNode object)) {
            return new ConfigRead.Unusable(file + " does not hold a JSON object", null);
        }
        return new ConfigRead.Parsed(object);
    }

    private void warn(String message) {
        if (!message.equals(lastWarning.getAndSet(message))) {
            LOG.log(System.Logger.Level.WARNING, message);
        }
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JacksonException impossible) {
            throw new IllegalStateException("the built-in config is valid JSON", impossible);
        }
    }
}
