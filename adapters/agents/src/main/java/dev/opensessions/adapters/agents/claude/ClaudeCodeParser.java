package dev.opensessions.adapters.agents.claude;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opensessions.adapters.agents.watch.Decision;
import dev.opensessions.adapters.agents.watch.JsonlEntry;
import dev.opensessions.adapters.agents.watch.Prompts;
import dev.opensessions.adapters.agents.watch.ThreadState;
import dev.opensessions.adapters.agents.watch.TranscriptParser;
import dev.opensessions.domain.agent.AgentStatus;

import java.util.List;
import java.util.Optional;

/**
 * Folds a Claude Code transcript (SPEC 5.1) into its thread: the status of the last meaningful entry, the
 * title or first prompt as its name, the last real prompt, and the cwd the entries carry.
 *
 * @param fallbackDir the project folder decoded from its name, used while no entry carried a cwd
 */
public record ClaudeCodeParser(String fallbackDir, String title, String summary, String firstPrompt,
                               String lastPrompt, String cwd, Decision decision) implements TranscriptParser {

    public static ClaudeCodeParser start(String fallbackDir) {
        return new ClaudeCodeParser(fallbackDir, null, null, null, null, null, null);
    }

    @Override
    public ClaudeCodeParser accept(JsonlEntry entry) {
        JsonNode json = entry.json();
        ClaudeCodeParser next = entry.text("cwd") != null ? withCwd(entry.text("cwd")) : this;
        return switch (json.path("type").asText()) {
            case "custom-title" -> next.withTitle(firstText(entry.text("customTitle"), entry.text("title")));
            case "summary" -> next.withSummary(entry.text("summary"));
            case "user" -> next.user(entry);
            case "assistant" -> next.assistant(entry);
            default -> next;
        };
    }

    @Override
    public Optional<ThreadState> state() {
        if (decision == null) {
            return Optional.empty();
        }
        String name = title != null ? title : summary != null ? summary : Prompts.nameFrom(firstPrompt);
        return Optional.of(new ThreadState(null, decision.status(), name, lastPrompt,
                cwd != null ? cwd : fallbackDir, decision.toolCall(), decision.evidence()));
    }

    private ClaudeCodeParser user(JsonlEntry entry) {
        JsonNode json = entry.json();
        JsonNode content = json.path("message").path("content");
        if (json.path("isSidechain").asBoolean() || json.path("isMeta").asBoolean()
                || json.path("isCompactSummary").asBoolean() || content.isMissingNode()) {
            return decided(Decision.skip(decision, entry, "user meta entry"));
        }
        List<String> texts = ClaudeCodeContent.texts(content);
        if (texts.stream().anyMatch(text -> text.strip().startsWith("[Request interrupted"))) {
            return decided(Decision.by(entry, "user [Request interrupted]", AgentStatus.INTERRUPTED, false));
        }
        if (texts.stream().anyMatch(text -> text.contains("<command-name>/exit"))) {
            return decided(Decision.by(entry, "user /exit", AgentStatus.DONE, false));
        }
        if (texts.isEmpty()) {
            // A tool answered: the agent carries on, and nothing awaits the user's approval any more.
            return ClaudeCodeContent.has(content, "tool_result")
                    ? decided(Decision.by(entry, "user tool_result", AgentStatus.RUNNING, false))
                    : decided(Decision.skip(decision, entry, "empty user entry"));
        }
        if (texts.stream().allMatch(text -> ClaudeCodeContent.noise(text) != null)) {
            return decided(Decision.skip(decision, entry, "user " + ClaudeCodeContent.noise(texts.getFirst())));
        }
        ClaudeCodeParser next = this;
        for (String text : texts) {
            if (ClaudeCodeContent.isPrompt(text)) {
                next = next.withPrompt(text.strip());
            }
        }
        return next.decided(Decision.by(entry, "user prompt", AgentStatus.RUNNING, false));
    }

    private ClaudeCodeParser assistant(JsonlEntry entry) {
        JsonNode json = entry.json();
        if (json.path("isSidechain").asBoolean()) {
            return decided(Decision.skip(decision, entry, "sidechain entry"));
        }
        JsonNode message = json.path("message");
        JsonNode content = message.path("content");
        String stop = message.path("stop_reason").isTextual() ? message.path("stop_reason").asText() : null;
        if (json.path("isApiErrorMessage").asBoolean()) {
            return decided(Decision.by(entry, "assistant API error", AgentStatus.ERROR, false));
        }
        if (ClaudeCodeContent.has(content, "tool_use")) {
            String what = "assistant tool_use " + ClaudeCodeContent.toolName(content);
            return decided(Decision.by(entry, what, AgentStatus.RUNNING, true));
        }
        if (ClaudeCodeContent.has(content, "thinking") || ClaudeCodeContent.has(content, "redacted_thinking")) {
            return decided(Decision.by(entry, "assistant thinking", AgentStatus.RUNNING, false));
        }
        if (stop == null) {
            return decided(Decision.by(entry, "assistant streaming (stop_reason null)", AgentStatus.RUNNING, false));
        }
        return switch (stop) {
            case "end_turn" -> decided(Decision.by(entry, "assistant stop_reason=end_turn", AgentStatus.DONE, false));
            case "tool_use" -> decided(Decision.by(entry, "assistant stop_reason=tool_use", AgentStatus.RUNNING, true));
            default -> decided(Decision.by(entry, "assistant stop_reason=" + stop, AgentStatus.DONE, false));
        };
    }

    private static String firstText(String a, String b) {
        return Prompts.clean(a) != null ? Prompts.clean(a) : Prompts.clean(b);
    }

    private ClaudeCodeParser decided(Decision next) {
        return new ClaudeCodeParser(fallbackDir, title, summary, firstPrompt, lastPrompt, cwd, next);
    }

    private ClaudeCodeParser withTitle(String next) {
        return next == null ? this : new ClaudeCodeParser(fallbackDir, next, summary, firstPrompt, lastPrompt, cwd,
                decision);
    }

    private ClaudeCodeParser withSummary(String next) {
        String clean = Prompts.nameFrom(next);
        return clean == null ? this : new ClaudeCodeParser(fallbackDir, title, clean, firstPrompt, lastPrompt, cwd,
                decision);
    }

    private ClaudeCodeParser withPrompt(String prompt) {
        return new ClaudeCodeParser(fallbackDir, title, summary, firstPrompt == null ? prompt : firstPrompt, prompt,
                cwd, decision);
    }

    private ClaudeCodeParser withCwd(String next) {
        return new ClaudeCodeParser(fallbackDir, title, summary, firstPrompt, lastPrompt, next, decision);
    }
}
