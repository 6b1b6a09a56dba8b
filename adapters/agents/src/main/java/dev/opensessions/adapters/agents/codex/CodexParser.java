package dev.opensessions.adapters.agents.codex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opensessions.adapters.agents.watch.Decision;
import dev.opensessions.adapters.agents.watch.JsonlEntry;
import dev.opensessions.adapters.agents.watch.Prompts;
import dev.opensessions.adapters.agents.watch.ThreadState;
import dev.opensessions.adapters.agents.watch.TranscriptParser;
import dev.opensessions.domain.agent.AgentStatus;

import java.util.Optional;

/**
 * Folds a Codex rollout file of {@code {timestamp, type, payload}} entries into its thread: the status
 * table of the last meaningful entry, the cwd of session_meta / turn_context, the first and last real prompts.
 * Entries outside the table (token counts, reasoning summaries, developer messages) do not change the status.
 */
public record CodexParser(String firstPrompt, String lastPrompt, String cwd, Decision decision)
        implements TranscriptParser {

    public static CodexParser start() {
        return new CodexParser(null, null, null, null);
    }

    @Override
    public CodexParser accept(JsonlEntry entry) {
        JsonNode payload = entry.json().path("payload");
        String kind = payload.path("type").asText();
        return switch (entry.json().path("type").asText()) {
            case "session_meta", "turn_context" -> payload.path("cwd").isTextual()
                    ? new CodexParser(firstPrompt, lastPrompt, payload.path("cwd").asText(), decision) : this;
            case "event_msg" -> event(entry, kind, payload);
            case "response_item" -> item(entry, kind, payload);
            default -> this;
        };
    }

    @Override
    public Optional<ThreadState> state() {
        return Optional.ofNullable(decision).map(d -> new ThreadState(null, d.status(), Prompts.nameFrom(firstPrompt),
                lastPrompt, cwd, d.toolCall(), d.evidence()));
    }

    private CodexParser event(JsonlEntry entry, String kind, JsonNode payload) {
        return switch (kind) {
            case "task_complete" -> decided(entry, "event task_complete", AgentStatus.DONE, false);
            case "turn_aborted" -> decided(entry, "event turn_aborted", AgentStatus.INTERRUPTED, false);
            case "task_started" -> decided(entry, "event task_started", AgentStatus.RUNNING, false);
            case "user_message" -> prompt(CodexPrompts.clean(payload.path("message").asText(null)))
                    .decided(entry, "event user_message", AgentStatus.RUNNING, false);
            case "agent_message" -> isFinalAnswer(payload)
                    ? decided(entry, "event agent_message final_answer", AgentStatus.DONE, false)
                    : decided(entry, "event agent_message", AgentStatus.RUNNING, false);
            default -> this;
        };
    }

    private CodexParser item(JsonlEntry entry, String kind, JsonNode payload) {
        return switch (kind) {
            case "message" -> message(entry, payload);
            case "function_call", "custom_tool_call", "local_shell_call" ->
                    decided(entry, kind + " " + payload.path("name").asText("tool"), AgentStatus.RUNNING, true);
            // The output of a command killed by an abort lands after turn_aborted: the turn stays over.
            case "function_call_output", "custom_tool_call_output" -> aborted()
                    ? new CodexParser(firstPrompt, lastPrompt, cwd, decision.skipping(entry, "late " + kind))
                    // Once a tool answered, nothing awaits the user's approval: running, not a pending call.
                    : decided(entry, kind, AgentStatus.RUNNING, false);
            case "reasoning", "web_search_call" -> decided(entry, kind, AgentStatus.RUNNING, false);
            default -> this;
        };
    }

    private CodexParser message(JsonlEntry entry, JsonNode payload) {
        return switch (payload.path("role").asText()) {
            case "user" -> {
                String prompt = CodexPrompts.clean(CodexPrompts.text(payload.path("content")));
                // Context Codex injects as a user message is not the user starting a turn.
                yield prompt == null ? this
                        : prompt(prompt).decided(entry, "user message", AgentStatus.RUNNING, false);
            }
            case "assistant" -> isFinalAnswer(payload)
                    ? decided(entry, "assistant message final_answer", AgentStatus.DONE, false)
                    : decided(entry, "assistant message", AgentStatus.RUNNING, false);
            default -> this;
        };
    }

    /** The last turn was aborted (turn_aborted) and no new one started. */
    private boolean aborted() {
        return decision != null && decision.status() == AgentStatus.INTERRUPTED;
    }

    private static boolean isFinalAnswer(JsonNode payload) {
        return "final_answer".equals(payload.path("phase").asText())
                || "final_answer".equals(payload.path("kind").asText());
    }

    private CodexParser prompt(String prompt) {
        return prompt == null ? this
                : new CodexParser(firstPrompt == null ? prompt : firstPrompt, prompt, cwd, decision);
    }

    private CodexParser decided(JsonlEntry entry, String what, AgentStatus status, boolean toolCall) {
        return new CodexParser(firstPrompt, lastPrompt, cwd, Decision.by(entry, what, status, toolCall));
    }
}
