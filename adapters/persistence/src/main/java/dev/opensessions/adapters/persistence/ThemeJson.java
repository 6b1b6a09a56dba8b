package dev.opensessions.adapters.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opensessions.domain.sidebar.ThemeChoice;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code theme} key of {@code config.json}: a built-in name, or the object
 * {@code {"base": "nord", "palette": {"blue": "#88c0d0"}}} whose {@code base} defaults to
 * {@code catppuccin-mocha}. Whatever {@link ThemeChoice} refuses makes the whole theme invalid, so a
 * typo never half-applies.
 */
final class ThemeJson {

    private static final String BASE = "base";
    private static final String PALETTE = "palette";

    private ThemeJson() {
    }

    static Optional<ThemeChoice> read(JsonNode node) {
        if (node.isTextual()) {
            return choice(node.textValue(), Map.of());
        }
        if (!node.isObject()) {
            return Optional.empty();
        }
        JsonNode base = node.path(BASE);
        JsonNode palette = node.path(PALETTE);
        if (!base.isMissingNode() && !base.isTextual() || !palette.isMissingNode() && !palette.isObject()) {
            return Optional.empty();
        }
        Map<String, String> slots = new HashMap<>();
        for (Map.Entry<String, JsonNode> slot : palette.properties()) {
            if (!slot.getValue().isTextual()) {
                return Optional.empty();
            }
            slots.put(slot.getKey(), slot.getValue().textValue());
        }
        return choice(base.isTextual() ? base.textValue() : ThemeChoice.DEFAULT_NAME, slots);
    }

    /** A plain name as a string, a theme with overridden slots in the object form, slots sorted. */
    static JsonNode write(ThemeChoice theme) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (theme.palette().isEmpty()) {
            return nodes.textNode(theme.name());
        }
        ObjectNode palette = nodes.objectNode();
        new TreeMap<>(theme.palette()).forEach(palette::put);
        ObjectNode object = nodes.objectNode();
        object.put(BASE, theme.name());
        object.set(PALETTE, palette);
        return object;
    }

    private static Optional<ThemeChoice> choice(String name, Map<String, String> palette) {
        try {
            return Optional.of(new ThemeChoice(name, palette));
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }
}
