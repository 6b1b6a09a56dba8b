package dev.opensessions.adapters.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opensessions.domain.sidebar.AgentScope;
import dev.opensessions.domain.sidebar.SessionFilter;
import dev.opensessions.domain.sidebar.SidebarSettings;
import dev.opensessions.domain.sidebar.SidebarSide;
import dev.opensessions.domain.sidebar.ThemeChoice;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Maps the sidebar's keys of {@code config.json} to {@link SidebarSettings} and back. Reading
 * gives each absent or invalid key its default; writing touches only keys whose value would read
 * differently, so defaults the user left out stay out and spellings the core cannot hold stay as written.
 */
final class SidebarConfigKeys {

    static final String THEME = "theme";
    static final String WIDTH = "sidebarWidth";
    static final String FILTER = "sessionFilter";
    static final String COLLAPSED = "collapsedWorktreeGroups";
    static final String DETAIL_HEIGHT = "detailPanelHeight";
    static final String AGENT_SCOPE = "agentPanelScope";
    static final String POSITION = "sidebarPosition";

    private SidebarConfigKeys() {
    }

    /** The settings the file's root object holds; the name of every key that was present but invalid goes to {@code invalid}. */
    static SidebarSettings read(ObjectNode root, List<String> invalid) {
        SidebarSettings defaults = SidebarSettings.defaults();
        return new SidebarSettings(
                key(root, THEME, ThemeJson::read, invalid).orElse(defaults.theme()),
                key(root, WIDTH, SidebarConfigKeys::integer, invalid).orElse(defaults.width()),
                key(root, FILTER, node -> label(node, SessionFilter.values(), SessionFilter::label), invalid)
                        .orElse(defaults.filter()),
                key(root, COLLAPSED, SidebarConfigKeys::strings, invalid).orElse(defaults.collapsedGroups()),
                key(root, DETAIL_HEIGHT, SidebarConfigKeys::integer, invalid).orElse(defaults.detailHeight()),
                key(root, AGENT_SCOPE, node -> label(node, AgentScope.values(), AgentScope::label), invalid)
                        .orElse(defaults.agentScope()),
                key(root, POSITION, node -> label(node, SidebarSide.values(), SidebarSide::label), invalid)
                        .orElse(defaults.position()));
    }

    /** Puts into {@code root} each key whose value differs from what the root already reads as. */
    static void write(ObjectNode root, SidebarSettings settings) {
        SidebarSettings current = read(root, new ArrayList<>());
        if (!current.theme().equals(settings.theme())) {
            root.set(THEME, ThemeJson.write(settings.theme()));
        }
        if (current.width() != settings.width()) {
            root.put(WIDTH, settings.width());
        }
        if (current.filter() != settings.filter()) {
            root.put(FILTER, settings.filter().label());
        }
        if (!current.collapsedGroups().equals(settings.collapsedGroups())) {
            ArrayNode groups = root.arrayNode();
            settings.collapsedGroups().stream().sorted().forEach(groups::add);
            root.set(COLLAPSED, groups);
        }
        if (current.detailHeight() != settings.detailHeight()) {
            root.put(DETAIL_HEIGHT, settings.detailHeight());
        }
        if (current.agentScope() != settings.agentScope()) {
            root.put(AGENT_SCOPE, settings.agentScope().label());
        }
        if (current.position() != settings.position()) {
            root.put(POSITION, settings.position().label());
        }
    }

    private static <T> Optional<T> key(ObjectNode root, String name, Function<JsonNode, Optional<T>> parse,
                                       List<String> invalid) {
        JsonNode node = root.get(name);
        if (node == null) {
            return Optional.empty();
        }
        Optional<T> value = parse.apply(node);
        if (value.isEmpty()) {
            invalid.add(name);
        }
        return value;
    }

    /** A whole number; one far outside int is pinned to the int range, SidebarSettings then clamps it. */
    private static Optional<Integer> integer(JsonNode node) {
        if (!node.isIntegralNumber()) {
            return Optional.empty();
        }
        if (node.canConvertToInt()) {
            return Optional.of(node.intValue());
        }
        return Optional.of(node.bigIntegerValue().signum() < 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE);
    }

    private static <E> Optional<E> label(JsonNode node, E[] values, Function<E, String> label) {
        if (!node.isTextual()) {
            return Optional.empty();
        }
        for (E value : values) {
            if (label.apply(value).equals(node.textValue())) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** An array of strings; any other element makes the whole key invalid rather than half-read. */
    private static Optional<Set<String>> strings(JsonNode node) {
        if (!node.isArray()) {
            return Optional.empty();
        }
        Set<String> values = new HashSet<>();
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                return Optional.empty();
            }
            values.add(element.textValue());
        }
        return Optional.of(values);
    }
}
