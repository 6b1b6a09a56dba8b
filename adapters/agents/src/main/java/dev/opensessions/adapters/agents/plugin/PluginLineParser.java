package dev.opensessions.adapters.agents.plugin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opensessions.application.port.out.AgentObservation;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads one line of a plugin's output as the JSON body of {@code POST /api/agent-event}: the same
 * field names, aliases and status words. A line without {@code threadId} is keyed by the plugin's name. Its
 * status is taken as said, as over HTTP: the watchers' waiting and stale heuristics do not apply to it.
 */
public final class PluginLineParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgentPlugin plugin;
    private final Clock clock;

    public PluginLineParser(AgentPlugin plugin, Clock clock) {
        this.plugin = Objects.requireNonNull(plugin, "plugin");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public PluginLine parse(String line, long lineNumber) {
        JsonNode event;
        try {
            event = JSON.readTree(line);
        } catch (JsonProcessingException notJson) {
            return new PluginLine.Rejected("invalid json");
        }
        if (event == null || !event.isObject()) {
            return new PluginLine.Rejected("not a JSON object");
        }
        String agent = text(event, "agent");
        if (agent == null) {
            return new PluginLine.Rejected("missing agent");
        }
        Optional<AgentStatus> status = Optional.ofNullable(text(event, "status")).flatMap(AgentStatus::fromWire);
        if (status.isEmpty()) {
            return new PluginLine.Rejected("invalid status");
        }
        String pane = text(event, "paneId");
        if (pane != null && !PaneId.isValid(pane)) {
            return new PluginLine.Rejected("invalid paneId");
        }
        JsonNode ts = event.path("ts");
        if (!ts.isMissingNode() && !ts.isNull() && (!ts.isNumber() || ts.asLong() < 0)) {
            return new PluginLine.Rejected("invalid ts");
        }
        JsonNode unseen = event.path("unseen");
        if (!unseen.isMissingNode() && !unseen.isNull() && !unseen.isBoolean()) {
            return new PluginLine.Rejected("invalid unseen");
        }
        Optional<SessionName> session;
        try {
            session = Optional.ofNullable(text(event, "tmuxSession")).or(() -> Optional.ofNullable(text(event, "session")))
                    .map(SessionName::of);
        } catch (IllegalArgumentException invalid) {
            return new PluginLine.Rejected("invalid tmuxSession");
        }
        Instant at = ts.isNumber() ? Instant.ofEpochMilli(ts.asLong()) : clock.instant();
        String threadId = Objects.requireNonNullElse(text(event, "threadId"), plugin.name());
        String prompt = text(event, "lastUserPrompt") != null ? text(event, "lastUserPrompt")
                : text(event, "last_user_prompt");
        return new PluginLine.Observed(new AgentObservation(agent, threadId, status.get(),
                text(event, "threadName"), prompt, text(event, "projectDir"), pane == null ? null : PaneId.of(pane),
                at, false, plugin.origin(), List.of("line " + lineNumber + " status=" + status.get().wireName()),
                new AgentObservation.Reported(session.orElse(null), unseen.isBoolean() ? unseen.asBoolean() : null)));
    }

    /** A non-blank string field; an empty string counts as not given, as on the HTTP endpoint. */
    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
