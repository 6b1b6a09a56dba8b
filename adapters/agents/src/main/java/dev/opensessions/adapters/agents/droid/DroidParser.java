package dev.opensessions.adapters.agents.droid;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opensessions.adapters.agents.watch.Decision;
import dev.opensessions.adapters.agents.watch.JsonlEntry;
import dev.opensessions.adapters.agents.watch.Prompts;
import dev.opensessions.adapters.agents.watch.ThreadState;
import dev.opensessions.adapters.agents.watch.TranscriptParser;
import dev.opensessions.domain.agent.AgentStatus;

import java.util.Optional;

/**
 * Folds a Droid (Factory) transcript into its thread. Two kinds of entry decide: hook entries
 * ({@code hook_event_name}: UserPromptSubmit running, Notification waiting, Stop and SessionEnd done) and
 * messages ({@code role} at the top or under {@code message}: user running, assistant done). The reference leaves
 * an assistant message that calls a tool open; as a user would expect, it reads as running, a pending tool
 * call, not as a finished turn; a user message carrying only tool results is the agent carrying on.
 */
public record DroidParser(String title, String cwd, String firstPrompt, String lastPrompt, Decision decision)
        implements TranscriptParser {

    public static DroidParser start() {
        return new DroidParser(null, null, null, null, null);
    }

    @Override
    public DroidParser accept(JsonlEntry entry) {
        JsonNode json = entry.json();
        DroidParser next = entry.text("cwd") != null ? new DroidParser(title, entry.text("cwd"), firstPrompt,
                lastPrompt, decision) : this;
        String title = Prompts.clean(entry.text("sessionTitle") != null ? entry.text("sessionTitle")
                : entry.text("title"));
        if ("session_start".equals(json.path("type").asText()) && title != null) {
            next = new DroidParser(title, next.cwd, next.firstPrompt, next.lastPrompt, next.decision);
        }
        if (entry.text("hook_event_name") != null) {
            return next.hook(entry, entry.text("hook_event_name"));
        }
        JsonNode message = json.path("message").isObject() ? json.path("message") : json;
        return switch (message.path("role").asText()) {
            case "user" -> next.user(entry, message.path("content"));
            case "assistant" -> Prompts.hasBlock(message.path("content"), "tool_use", "tool_call", "toolCall")
                    ? next.decided(entry, "assistant tool call", AgentStatus.RUNNING, true)
                    : next.decided(entry, "assistant message", AgentStatus.DONE, false);
            default -> next;
        };
    }

    @Override
    public Optional<ThreadState> state() {
        return Optional.ofNullable(decision).map(d -> new ThreadState(null, d.status(),
                title != null ? title : Prompts.nameFrom(firstPrompt), lastPrompt, cwd, d.toolCall(), d.evidence()));
    }

    private DroidParser hook(JsonlEntry entry, String event) {
        return switch (event) {
            case "UserPromptSubmit" -> prompt(Prompts.clean(entry.text("prompt")))
                    .decided(entry, "hook UserPromptSubmit", AgentStatus.RUNNING, false);
            case "Notification" -> decided(entry, "hook Notification", AgentStatus.WAITING, false);
            case "Stop", "SessionEnd" -> decided(entry, "hook " + event, AgentStatus.DONE, false);
            default -> this;
        };
    }

    private DroidParser user(JsonlEntry entry, JsonNode content) {
        String text = Prompts.text(content);
        if (text == null && Prompts.hasBlock(content, "tool_result")) {
            return decided(entry, "user tool_result", AgentStatus.RUNNING, false);
        }
        String prompt = Prompts.clean(text);
        boolean real = prompt != null && !prompt.startsWith("<");
        return (real ? prompt(prompt) : this).decided(entry, "user message", AgentStatus.RUNNING, false);
    }

    private DroidParser prompt(String prompt) {
        return prompt == null ? this
                : new DroidParser(title, cwd, firstPrompt == null ? prompt : firstPrompt, prompt, decision);
    }

    private DroidParser decided(JsonlEntry entry, String what, AgentStatus status, boolean toolCall) {
        return new DroidParser(title, cwd, firstPrompt, lastPrompt, Decision.by(entry, what, status, toolCall));
    }
}
