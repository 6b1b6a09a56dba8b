package dev.opensessions.sidebar.runtime;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opensessions.sidebar.view.Theme;
import dev.opensessions.sidebar.view.Themes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the sidebar's keys from {@code config.json} (SPEC 8.1): {@code theme} and {@code sidebarWidth}.
 * A missing or malformed file gives the defaults, and so does each key that is absent or invalid, so a
 * bad config never stops a sidebar from drawing.
 *
 * <p>{@code theme} is a built-in name (SPEC 7.8) or an object
 * {@code {"base": "nord", "palette": {"blue": "#88c0d0", "base": "default"}}}: {@code base} names the
 * built-in theme to start from (default {@code catppuccin-mocha}), {@code palette} overrides slots with
 * {@code #rrggbb} or {@code default}, as {@link Themes#custom} describes. Other keys are ignored.
 */
public final class SidebarConfigFile {

    private static final System.Logger LOG = System.getLogger(SidebarConfigFile.class.getName());

    private final Path file;
    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public SidebarConfigFile(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The file's current content, read afresh on every call. */
    public SidebarConfig read() {
        JsonNode root;
        try {
            root = json.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            return SidebarConfig.defaults();
        } catch (JacksonException e) {
            LOG.log(System.Logger.Level.WARNING, file + " is not valid JSON; using the default sidebar settings");
            return SidebarConfig.defaults();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read " + file + "; using the default sidebar settings", e);
            return SidebarConfig.defaults();
        }
        if (root == null || !root.isObject()) {
            return SidebarConfig.defaults();
        }
        return new SidebarConfig(theme(root.get("theme")), width(root.get("sidebarWidth")));
    }

    private Theme theme(JsonNode node) {
        Optional<Theme> theme = Optional.empty();
        if (node != null && node.isTextual()) {
            theme = Themes.named(node.textValue());
        } else if (node != null && node.isObject()) {
            theme = custom(node);
        }
        if (node != null && theme.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "unknown or invalid theme in " + file + "; using "
                    + Themes.DEFAULT_NAME);
        }
        return theme.orElseGet(Themes::defaultTheme);
    }

    private static Optional<Theme> custom(JsonNode node) {
        JsonNode base = node.path("base");
        JsonNode palette = node.path("palette");
        if (!base.isMissingNode() && !base.isTextual() || !palette.isMissingNode() && !palette.isObject()) {
            return Optional.empty();
        }
        Map<String, String> overrides = new HashMap<>();
        for (Map.Entry<String, JsonNode> slot : palette.properties()) {
            if (!slot.getValue().isTextual()) {
                return Optional.empty();
            }
            overrides.put(slot.getKey(), slot.getValue().textValue());
        }
        return Themes.custom(base.isTextual() ? base.textValue() : Themes.DEFAULT_NAME, overrides);
    }

    private static int width(JsonNode node) {
        if (node != null && node.isIntegralNumber() && node.canConvertToInt()) {
            int width = node.intValue();
            if (width >= 1 && width <= SidebarConfig.MAX_WIDTH) {
                return width;
            }
        }
        return SidebarConfig.DEFAULT_WIDTH;
    }
}
