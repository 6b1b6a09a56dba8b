package dev.opensessions.adapters.agents.screen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opensessions.domain.agent.screen.AgentProgram;
import dev.opensessions.domain.agent.screen.ScreenRule;
import dev.opensessions.domain.agent.screen.ScreenState;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns one rule file (the format in PLUGINS.md, "Screen rules") into a {@link ScreenRule}. Strict: an unknown
 * key, a wrong type or a pattern that does not compile is refused with a message naming it, so a typo in a
 * user's file shows instead of silently matching nothing.
 */
final class ScreenRuleJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP = Set.of("agent", "name", "source", "process", "screen");
    private static final Set<String> PROCESS = Set.of("names", "packages", "arguments");
    private static final Set<String> SCREEN = Set.of("lines", "waiting", "working", "idle");
    private static final Pattern AGENT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private ScreenRuleJson() {
    }

    /**
     * The rule a file's text declares.
     *
     * @throws IllegalArgumentException when the text is not a valid rule, with the reason
     */
    static ScreenRule parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException malformed) {
            throw new IllegalArgumentException("not JSON: " + malformed.getOriginalMessage());
        }
        object(root, "the file", TOP);
        String agent = text(root, "agent");
        if (!AGENT_ID.matcher(agent).matches()) {
            throw new IllegalArgumentException("agent must be lower-case letters, digits and dashes: " + agent);
        }
        JsonNode process = object(root.path("process"), "process", PROCESS);
        AgentProgram program = new AgentProgram(agent, new LinkedHashSet<>(strings(process, "names")),
                new LinkedHashSet<>(strings(process, "packages")), patterns(process, "arguments"));
        JsonNode screen = object(root.path("screen"), "screen", SCREEN);
        JsonNode lines = screen.path("lines");
        if (!lines.isInt()) {
            throw new IllegalArgumentException("screen.lines must be a whole number");
        }
        Map<ScreenState, List<Pattern>> states = new EnumMap<>(ScreenState.class);
        for (ScreenState state : ScreenState.values()) {
            states.put(state, patterns(screen, state.wireName()));
        }
        return new ScreenRule(agent, text(root, "name"), text(root, "source"), program, lines.intValue(), states);
    }

    private static JsonNode object(JsonNode node, String what, Set<String> keys) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(what + " must be an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!keys.contains(key)) {
                throw new IllegalArgumentException(what + " has an unknown key: " + key);
            }
        }
        return node;
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.path(key);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(key + " must be a non-empty string");
        }
        return value.asText();
    }

    private static List<String> strings(JsonNode node, String key) {
        JsonNode list = node.path(key);
        if (list.isMissingNode()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException(key + " must be a list of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : list) {
            if (!value.isTextual() || value.asText().isEmpty()) {
                throw new IllegalArgumentException(key + " must hold only non-empty strings");
            }
            values.add(value.asText());
        }
        return values;
    }

    private static List<Pattern> patterns(JsonNode node, String key) {
        List<Pattern> patterns = new ArrayList<>();
        for (String regex : strings(node, key)) {
            try {
                patterns.add(Pattern.compile(regex));
            } catch (PatternSyntaxException bad) {
                throw new IllegalArgumentException(key + " pattern does not compile: " + bad.getMessage());
            }
        }
        return patterns;
    }
}
