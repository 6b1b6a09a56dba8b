package dev.opensessions.adapters.websocket;

import dev.opensessions.protocol.WireText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opensessions.application.port.in.AgentFilter;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.protocol.ServerMessage;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@code subscribe} frame into a filter: {@code session}, {@code agent}, {@code thread} and
 * {@code status} (comma-separated wire names), each optional, each a JSON string when given. Subscribing only
 * narrows what the connection receives, so it needs no token.
 */
final class SubscribeCommand {

    private static final int MAX_NAME = 256;

    /** What a subscribe frame asks for: a filter with its reply, or a refusal. */
    sealed interface Parsed {
        record Accepted(AgentFilter filter, ServerMessage.Subscribed reply) implements Parsed {
        }

        record Refused(ServerMessage.Error error) implements Parsed {
        }
    }

    private SubscribeCommand() {
    }

    /** Empty when the frame is not a subscribe command (other commands and bad frames go their own way). */
    static Optional<Parsed> parse(ObjectMapper mapper, String frame) {
        // Cheap test first: every other command is parsed once, by ClientCommands.
        if (frame.length() > ClientCommands.MAX_FRAME_CHARS || !frame.contains("subscribe")) {
            return Optional.empty();
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(frame);
        } catch (JsonProcessingException invalid) {
            return Optional.empty();
        }
        if (tree == null || !tree.isObject() || !"subscribe".equals(tree.path("type").asText(null))) {
            return Optional.empty();
        }
        try {
            String session = text(tree, "session");
            SessionName name = session == null ? null : sessionName(session);
            String agent = name(text(tree, "agent"), "invalid agent");
            String thread = name(text(tree, "thread"), "invalid thread");
            Set<AgentStatus> statuses = statuses(text(tree, "status"));
            AgentFilter filter = new AgentFilter(name, agent, thread, statuses);
            List<String> wire = statuses.stream().map(AgentStatus::wireName).sorted().toList();
            return Optional.of(new Parsed.Accepted(filter, new ServerMessage.Subscribed(session, agent, thread, wire)));
        } catch (IllegalArgumentException refused) {
            return Optional.of(new Parsed.Refused(new ServerMessage.Error(refused.getMessage())));
        }
    }

    private static String text(JsonNode tree, String field) {
        JsonNode node = tree.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException("invalid fields for subscribe");
        }
        return node.asText().isEmpty() ? null : node.asText();
    }

    private static SessionName sessionName(String text) {
        if (text.chars().anyMatch(Character::isISOControl) || WireText.hasLoneSurrogate(text)) {
            throw new IllegalArgumentException("invalid session: session name contains a control character");
        }
        try {
            return SessionName.of(text);
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException("invalid session: " + invalid.getMessage());
        }
    }

    private static String name(String text, String reason) {
        if (text != null && (text.length() > MAX_NAME || text.chars().anyMatch(Character::isISOControl)
                || WireText.hasLoneSurrogate(text))) {
            throw new IllegalArgumentException(reason);
        }
        return text;
    }

    private static Set<AgentStatus> statuses(String text) {
        if (text == null) {
            return Set.of();
        }
        Set<AgentStatus> statuses = EnumSet.noneOf(AgentStatus.class);
        for (String part : text.split(",", -1)) {
            statuses.add(AgentStatus.fromWire(part.strip())
                    .orElseThrow(() -> new IllegalArgumentException("invalid status: " + part.strip())));
        }
        return statuses;
    }
}
