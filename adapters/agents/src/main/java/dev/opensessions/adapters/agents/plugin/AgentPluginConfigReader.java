package dev.opensessions.adapters.agents.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opensessions.application.port.out.AgentSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the {@code agentPlugins} list of {@code config.json}; a missing or malformed file, or a bad entry, is
 * logged and skipped, because one typo must not keep the server or the other plugins from starting.
 */
public final class AgentPluginConfigReader {

    private static final System.Logger LOG = System.getLogger(AgentPluginConfigReader.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path configFile;

    public AgentPluginConfigReader(Path configFile) {
        this.configFile = Objects.requireNonNull(configFile, "configFile");
    }

    /** One unstarted {@link CommandAgentSource} per declared plugin, with the standard restart back-off. */
    public List<AgentSource> sources(Clock clock) {
        return read().stream().<AgentSource>map(plugin -> new CommandAgentSource(plugin, clock)).toList();
    }

    /** The declared plugins, in file order, the first of each name kept. */
    public List<AgentPlugin> read() {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(configFile));
        } catch (NoSuchFileException absent) {
            return List.of();
        } catch (IOException unreadable) {
            warn("cannot read " + configFile + ": " + unreadable.getMessage());
            return List.of();
        }
        JsonNode entries = root == null ? null : root.get("agentPlugins");
        if (entries == null || entries.isNull()) {
            return List.of();
        }
        if (!entries.isArray()) {
            warn(configFile + ": agentPlugins must be a list");
            return List.of();
        }
        List<AgentPlugin> plugins = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode entry : entries) {
            try {
                AgentPlugin plugin = plugin(entry);
                if (names.add(plugin.name())) {
                    plugins.add(plugin);
                } else {
                    warn(configFile + ": agent plugin " + plugin.name() + " is declared twice, the first is used");
                }
            } catch (IllegalArgumentException bad) {
                warn(configFile + ": agent plugin skipped: " + bad.getMessage());
            }
        }
        return List.copyOf(plugins);
    }

    private static AgentPlugin plugin(JsonNode entry) {
        JsonNode name = entry.path("name");
        JsonNode command = entry.path("command");
        if (!name.isTextual()) {
            throw new IllegalArgumentException("name must be a string: " + entry);
        }
        if (!command.isArray()) {
            throw new IllegalArgumentException("command of " + name.asText() + " must be a list of words");
        }
        List<String> words = new ArrayList<>();
        for (JsonNode word : command) {
            if (!word.isTextual()) {
                throw new IllegalArgumentException("command of " + name.asText() + " must hold only strings");
            }
            words.add(word.asText());
        }
        return new AgentPlugin(name.asText(), words);
    }

    private static void warn(String message) {
        LOG.log(System.Logger.Level.WARNING, message);
    }
}
