package dev.opensessions.adapters.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.notify.NotificationSettings;
import dev.opensessions.domain.notify.TerminalNotification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the {@code notifications} object and the {@code notifyCommand} list of {@code config.json}
 * (docs/reference/configuration.md#notifications). A missing file or key means the defaults; a malformed value
 * is logged and its default used, because a typo must neither stop the server nor silence every notification.
 */
public final class NotificationConfigReader {

    private static final System.Logger LOG = System.getLogger(NotificationConfigReader.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Longest cooldown and command timeout accepted, in seconds: a day. */
    static final long MAX_SECONDS = 86_400;

    private final Path configFile;

    public NotificationConfigReader(Path configFile) {
        this.configFile = Objects.requireNonNull(configFile, "configFile");
    }

    public NotificationSettings read() {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(configFile));
        } catch (NoSuchFileException absent) {
            return NotificationSettings.defaults();
        } catch (IOException unreadable) {
            warn("cannot read " + configFile + ": " + unreadable.getMessage() + "; notifications use their defaults");
            return NotificationSettings.defaults();
        }
        if (root == null || !root.isObject()) {
            return NotificationSettings.defaults();
        }
        JsonNode node = root.path("notifications");
        if (node.isBoolean()) {
            return node.asBoolean() ? withCommand(NotificationSettings.defaults(), root) : NotificationSettings.off();
        }
        if (!node.isMissingNode() && !node.isNull() && !node.isObject()) {
            warn(configFile + ": notifications must be an object or true/false; the defaults are used");
            node = JSON.createObjectNode();
        }
        NotificationSettings defaults = NotificationSettings.defaults();
        return new NotificationSettings(
                bool(node, "enabled", defaults.enabled()),
                strings(node, "agents"),
                statuses(node),
                quiet(node),
                seconds(node, "cooldownSeconds", defaults.cooldown(), true),
                bool(node, "tmuxMessage", defaults.tmuxMessage()),
                terminal(node),
                command(root),
                seconds(node, "commandTimeoutSeconds", defaults.commandTimeout(), false));
    }

    private NotificationSettings withCommand(NotificationSettings settings, JsonNode root) {
        return new NotificationSettings(settings.enabled(), settings.agents(), settings.statuses(), settings.quiet(),
                settings.cooldown(), settings.tmuxMessage(), settings.terminal(), command(root),
                settings.commandTimeout());
    }

    private boolean bool(JsonNode node, String key, boolean fallback) {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            warn(configFile + ": notifications." + key + " must be true or false; " + fallback + " is used");
            return fallback;
        }
        return value.asBoolean();
    }

    private Set<String> strings(JsonNode node, String key) {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        if (value.isArray()) {
            value.forEach(item -> {
                if (item.isTextual() && !item.asText().isBlank()) {
                    out.add(item.asText());
                }
            });
        }
        if (!value.isArray() || out.size() != value.size()) {
            warn(configFile + ": notifications." + key + " must be a list of names; the names in it are used");
        }
        return out;
    }

    private Set<AgentStatus> statuses(JsonNode node) {
        JsonNode value = node.path("statuses");
        if (value.isMissingNode() || value.isNull()) {
            return NotificationSettings.NOTIFIABLE;
        }
        Set<AgentStatus> out = EnumSet.noneOf(AgentStatus.class);
        boolean bad = !value.isArray();
        for (JsonNode item : value) {
            AgentStatus status = AgentStatus.fromWire(item.asText()).filter(NotificationSettings.NOTIFIABLE::contains)
                    .orElse(null);
            if (status == null) {
                bad = true;
            } else {
                out.add(status);
            }
        }
        if (bad) {
            warn(configFile + ": notifications.statuses takes waiting, done, error and interrupted; others are left out");
        }
        return out;
    }

    private NotificationSettings.QuietHours quiet(JsonNode node) {
        JsonNode value = node.path("quietHours");
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        try {
            return new NotificationSettings.QuietHours(LocalTime.parse(value.path("from").asText()),
                    LocalTime.parse(value.path("to").asText()));
        } catch (DateTimeParseException bad) {
            warn(configFile + ": notifications.quietHours needs from and to as HH:MM; no quiet hours are kept");
            return null;
        }
    }

    private Duration seconds(JsonNode node, String key, Duration fallback, boolean zeroAllowed) {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        long min = zeroAllowed ? 0 : 1;
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < min || value.asLong() > MAX_SECONDS) {
            warn(configFile + ": notifications." + key + " must be a whole number of seconds from " + min + " to "
                    + MAX_SECONDS + "; " + fallback.toSeconds() + " is used");
            return fallback;
        }
        return Duration.ofSeconds(value.asLong());
    }

    private TerminalNotification terminal(JsonNode node) {
        JsonNode value = node.path("terminal");
        if (value.isMissingNode() || value.isNull()) {
            return TerminalNotification.OSC9;
        }
        return TerminalNotification.fromConfig(value.asText()).orElseGet(() -> {
            warn(configFile + ": notifications.terminal takes osc9, osc777 or off; osc9 is used");
            return TerminalNotification.OSC9;
        });
    }

    private List<String> command(JsonNode root) {
        JsonNode value = root.path("notifyCommand");
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        List<String> argv = new ArrayList<>();
        value.forEach(item -> argv.add(item.isTextual() ? item.asText() : null));
        if (!value.isArray() || argv.isEmpty() || argv.contains(null) || argv.getFirst().isBlank()) {
            warn(configFile + ": notifyCommand must be a non-empty list of strings (a program and its arguments,"
                    + " no shell); no command is run");
            return List.of();
        }
        return List.copyOf(argv);
    }

    private static void warn(String message) {
        LOG.log(System.Logger.Level.WARNING, message);
    }
}
