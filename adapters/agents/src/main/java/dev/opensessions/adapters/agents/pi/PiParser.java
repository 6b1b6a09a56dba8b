package dev.opensessions.adapters.agents.pi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opensessions.adapters.agents.watch.Decision;
import dev.opensessions.adapters.agents.watch.JsonlEntry;
import dev.opensessions.adapters.agents.watch.Prompts;
import dev.opensessions.adapters.agents.watch.ThreadState;
import dev.opensessions.adapters.agents.watch.TranscriptParser;
import dev.opensessions.domain.agent.AgentStatus;

import java.util.Optional;

/**
 * Folds a Pi (pi-coding-agent) session file into its thread: the {@code session} header gives the id
 * and cwd, {@code session_info} the name, and the last {@code user}, {@code toolResult} or {@code assistant}
 * message the status. Pi asks no permission before running a tool, so a tool call never means waiting: only
 * the core's 15 s stale rule applies.
 */
public record PiParser(String sessionId, String cwd, String name, String firstPrompt, String lastPrompt,
                       Decision decision) implements TranscriptParser {

    public static PiParser start() {
        return new PiParser(null, null, null, null, null, null);
    }

    @Override
    public PiParser accept(JsonlEntry entry) {
        JsonNode json = entry.json();
        return switch (json.path("type").asText()) {
            case "session" -> new PiParser(entry.text("id"), entry.text("cwd") != null ? entry.text("cwd") : cwd,
                    name, firstPrompt, lastPrompt, decision);
            case "session_info" -> Prompts.clean(entry.text("name")) == null ? this
                    : new PiParser(sessionId, cwd, Prompts.clean(entry.text("name")), firstPrompt, lastPrompt,
                    decision);
            case "message" -> message(entry, json.path("message"));
            default -> this;
        };
    }

    @Override
    public Optional<ThreadState> state() {
        return Optional.ofNullable(decision).map(d -> new ThreadState(sessionId, d.status(),
                name != null ? name : Prompts.nameFrom(firstPrompt), lastPrompt, cwd, false, d.evidence()));
    }

    private PiParser message(JsonlEntry entry, JsonNode message) {
        return switch (message.path("role").asText()) {
            case "user" -> prompt(Prompts.clean(Prompts.text(message.path("content"))))
                    .decided(entry, "user message", AgentStatus.RUNNING);
            case "toolResult" -> decided(entry, "toolResult " + message.path("toolName").asText("tool"),
                    AgentStatus.RUNNING);
            case "assistant" -> assistant(entry, message.path("stopReason").asText(""));
            // The user's own !command, and summaries Pi writes itself: no agent turn starts or ends.
            case "bashExecution", "branchSummary", "compactionSummary" -> decision == null ? this
                    : new PiParser(sessionId, cwd, name, firstPrompt, lastPrompt,
                    decision.skipping(entry, message.path("role").asText()));
            default -> this;
        };
    }

    private PiParser assistant(JsonlEntry entry, String stopReason) {
        AgentStatus status = switch (stopReason) {
            case "toolUse" -> AgentStatus.RUNNING;
            case "stop" -> AgentStatus.DONE;
            case "error" -> AgentStatus.ERROR;
            case "cancelled", "aborted", "interrupted" -> AgentStatus.INTERRUPTED;
            // Any other end (e.g. "length") leaves the turn to the user.
            default -> AgentStatus.WAITING;
        };
        return decided(entry, "assistant stopReason=" + (stopReason.isEmpty() ? "none" : stopReason), status);
    }

    private PiParser prompt(String prompt) {
        return prompt == null ? this : new PiParser(sessionId, cwd, name, firstPrompt == null ? prompt : firstPrompt,
                prompt, decision);
    }

    private PiParser decided(JsonlEntry entry, String what, AgentStatus status) {
        return new PiParser(sessionId, cwd, name, firstPrompt, lastPrompt, Decision.by(entry, what, status, false));
    }
}
