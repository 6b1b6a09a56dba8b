package dev.opensessions.adapters.agents.claude;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opensessions.adapters.agents.watch.Decision;
import dev.opensessions.adapters.agents.watch.JsonlEntry;
import dev.opensessions.adapters.agents.watch.Prompts;
import dev.opensessions.adapters.agents.watch.ThreadState;
import dev.opensessions.adapters.agents.watch.TranscriptParser;
import dev.opensessions.domain.agent.AgentStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Folds a Claude Code transcript into its thread: the status its entries give, the title or first prompt as its
 * name, the last real prompt, and the cwd the entries carry. Which entries decide each status is listed in
 * docs/reference/agents.md; in short, newest formats first:
 * <ul>
 *   <li>a turn ends at a {@code system} entry {@code stop_hook_summary} or {@code turn_duration} (Claude Code
 *       2.x writes {@code stop_reason: null} on every assistant entry), or at an assistant entry with a real
 *       {@code stop_reason} (older versions): done, or error when the turn's last assistant entry was an API
 *       error;</li>
 *   <li>tool calls are tracked until their results arrive: {@code AskUserQuestion} and {@code ExitPlanMode} wait
 *       for the user at once; a pending tool that can ask permission leaves the thread running and ending in a
 *       tool call (the core turns that into waiting when the file stays quiet); read-only tools, and a batch
 *       of which one result already arrived, are simply running;</li>
 *   <li>{@code bash_progress} (a command streams output) and {@code agent_progress} (a Task subagent works)
 *       mean a tool runs;</li>
 *   <li>local commands, {@code /compact}, hooks and other bookkeeping are skipped, so they neither start nor
 *       end a turn; a {@code <task-notification>} starts one (Claude answers the finished background task).</li>
 * </ul>
 *
 * @param fallbackDir the project folder decoded from its name, used while no entry carried a cwd
 * @param pending     the tool calls of the current turn without a result yet, by id: their tool names
 * @param apiError    the current turn's last assistant entry was an API error
 */
public record ClaudeCodeParser(String fallbackDir, String title, String summary, String firstPrompt,
                               String lastPrompt, String cwd, Decision decision, Map<String, String> pending,
                               boolean apiError) implements TranscriptParser {

    /** Tool calls that are the question itself: the user answers in Claude's own prompt. */
    private static final Set<String> QUESTIONS = Set.of("AskUserQuestion", "ExitPlanMode");
    /**
     * Tools Claude Code runs without asking permission; any other (Bash, Edit, Write, WebFetch, MCP tools...)
     * may show a permission prompt.
     */
    private static final Set<String> READ_ONLY = Set.of("Read", "Glob", "Grep", "LS", "NotebookRead", "TodoRead",
            "TodoWrite", "Task", "Agent", "BashOutput", "TaskOutput", "KillShell", "KillBash");

    public ClaudeCodeParser {
        pending = Map.copyOf(pending);
    }

    public static ClaudeCodeParser start(String fallbackDir) {
        return new ClaudeCodeParser(fallbackDir, null, null, null, null, null, null, Map.of(), false);
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
            case "system" -> next.system(entry);
            case "progress" -> next.progress(entry);
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
            return turnOver().decided(Decision.by(entry, "user [Request interrupted]", AgentStatus.INTERRUPTED,
                    false));
        }
        if (texts.stream().anyMatch(text -> text.contains("<command-name>/exit"))) {
            return turnOver().decided(Decision.by(entry, "user /exit", AgentStatus.DONE, false));
        }
        if (texts.isEmpty()) {
            return ClaudeCodeContent.has(content, "tool_result") ? toolResults(entry, content)
                    : decided(Decision.skip(decision, entry, "empty user entry"));
        }
        if (texts.stream().anyMatch(ClaudeCodeContent::isTaskNotification)) {
            // A background task finished: Claude Code starts a new turn to answer it.
            return turnOver().decided(Decision.by(entry, "user <task-notification>", AgentStatus.RUNNING, false));
        }
        if (texts.stream().allMatch(text -> ClaudeCodeContent.noise(text) != null)) {
            return decided(Decision.skip(decision, entry, "user " + ClaudeCodeContent.noise(texts.getFirst())));
        }
        ClaudeCodeParser next = turnOver();
        for (String text : texts) {
            if (ClaudeCodeContent.isPrompt(text)) {
                next = next.withPrompt(text.strip());
            }
        }
        return next.decided(Decision.by(entry, "user prompt", AgentStatus.RUNNING, false));
    }

    /** Results of tool calls: the agent carries on, and nothing awaits the user's approval any more. */
    private ClaudeCodeParser toolResults(JsonlEntry entry, JsonNode content) {
        Map<String, String> open = new LinkedHashMap<>(pending);
        for (JsonNode block : content) {
            if ("tool_result".equals(block.path("type").asText())) {
                open.remove(block.path("tool_use_id").asText());
            }
        }
        String what = open.isEmpty() ? "user tool_result" : "user tool_result, still running " + names(open);
        return withPending(open, apiError).decided(Decision.by(entry, what, AgentStatus.RUNNING, false));
    }

    private ClaudeCodeParser assistant(JsonlEntry entry) {
        JsonNode json = entry.json();
        if (json.path("isSidechain").asBoolean()) {
            return decided(Decision.skip(decision, entry, "sidechain entry"));
        }
        JsonNode message = json.path("message");
        JsonNode content = message.path("content");
        String stop = message.path("stop_reason").isTextual() ? message.path("stop_reason").asText() : null;
        if (json.path("isApiErrorMessage").asBoolean() || "<synthetic>".equals(message.path("model").asText())
                && ClaudeCodeContent.texts(content).stream().anyMatch(text -> text.startsWith("API Error"))) {
            return withPending(Map.of(), true)
                    .decided(Decision.by(entry, "assistant API error", AgentStatus.ERROR, false));
        }
        ClaudeCodeParser next = withPending(pending, false);
        if (ClaudeCodeContent.has(content, "tool_use")) {
            Map<String, String> open = new LinkedHashMap<>(pending);
            for (JsonNode block : content) {
                if ("tool_use".equals(block.path("type").asText())) {
                    open.put(block.path("id").asText("tool"), block.path("name").asText("tool"));
                }
            }
            return withPending(open, false).pendingTools(entry, "assistant tool_use "
                    + ClaudeCodeContent.toolName(content));
        }
        if (ClaudeCodeContent.has(content, "thinking") || ClaudeCodeContent.has(content, "redacted_thinking")) {
            return next.decided(Decision.by(entry, "assistant thinking", AgentStatus.RUNNING, false));
        }
        if (stop == null) {
            return next.decided(Decision.by(entry, "assistant streaming (stop_reason null)", AgentStatus.RUNNING,
                    false));
        }
        return switch (stop) {
            case "tool_use" -> next.decided(Decision.by(entry, "assistant stop_reason=tool_use", AgentStatus.RUNNING,
                    true));
            default -> next.turnOver().decided(Decision.by(entry, "assistant stop_reason=" + stop, AgentStatus.DONE,
                    false));
        };
    }

    /** The status while tool calls have no result: a question waits, a tool that may ask permission may wait. */
    private ClaudeCodeParser pendingTools(JsonlEntry entry, String what) {
        if (pending.values().stream().anyMatch(QUESTIONS::contains)) {
            return decided(Decision.by(entry, what + ", a question to the user", AgentStatus.WAITING, false));
        }
        boolean mayAsk = pending.values().stream().anyMatch(name -> !READ_ONLY.contains(name));
        return decided(Decision.by(entry, mayAsk ? what : what + " (read-only)", AgentStatus.RUNNING, mayAsk));
    }

    /** {@code stop_hook_summary} and {@code turn_duration} close the turn; other system entries are bookkeeping. */
    private ClaudeCodeParser system(JsonlEntry entry) {
        String subtype = entry.json().path("subtype").asText("");
        if (!subtype.equals("stop_hook_summary") && !subtype.equals("turn_duration")) {
            return decided(Decision.skip(decision, entry, "system " + subtype));
        }
        if (decision != null && decision.status().isTerminal()) {
            // The turn already ended (interrupted, an API error, a real stop_reason): the end marker adds nothing.
            return turnOver().decided(decision.skipping(entry, "system " + subtype));
        }
        AgentStatus status = apiError ? AgentStatus.ERROR : AgentStatus.DONE;
        return turnOver().decided(Decision.by(entry, "system " + subtype, status, false));
    }

    /** Progress of a tool that runs: a command streaming output, a Task subagent working; hooks are noise. */
    private ClaudeCodeParser progress(JsonlEntry entry) {
        String kind = entry.json().path("data").path("type").asText("");
        if (entry.json().path("isSidechain").asBoolean() || pending.isEmpty()
                || !kind.equals("bash_progress") && !kind.equals("agent_progress")) {
            return decided(Decision.skip(decision, entry, "progress " + kind));
        }
        return decided(Decision.by(entry, "progress " + kind + " of " + names(pending), AgentStatus.TOOL_RUNNING,
                false));
    }

    private static String names(Map<String, String> tools) {
        return String.join(", ", new TreeSet<>(tools.values()));
    }

    private static String firstText(String a, String b) {
        return Prompts.clean(a) != null ? Prompts.clean(a) : Prompts.clean(b);
    }

    /** No tool call and no error carried into what follows. */
    private ClaudeCodeParser turnOver() {
        return withPending(Map.of(), false);
    }

    private ClaudeCodeParser decided(Decision next) {
        return new ClaudeCodeParser(fallbackDir, title, summary, firstPrompt, lastPrompt, cwd, next, pending,
                apiError);
    }

    private ClaudeCodeParser withPending(Map<String, String> next, boolean error) {
        return new ClaudeCodeParser(fallbackDir, title, summary, firstPrompt, lastPrompt, cwd, decision, next, error);
    }

    private ClaudeCodeParser withTitle(String next) {
        return next == null ? this : new ClaudeCodeParser(fallbackDir, next, summary, firstPrompt, lastPrompt, cwd,
                decision, pending, apiError);
    }

    private ClaudeCodeParser withSummary(String next) {
        String clean = Prompts.nameFrom(next);
        return clean == null ? this : new ClaudeCodeParser(fallbackDir, title, clean, firstPrompt, lastPrompt, cwd,
                decision, pending, apiError);
    }

    private ClaudeCodeParser withPrompt(String prompt) {
        return new ClaudeCodeParser(fallbackDir, title, summary, firstPrompt == null ? prompt : firstPrompt, prompt,
                cwd, decision, pending, apiError);
    }

    private ClaudeCodeParser withCwd(String next) {
        return new ClaudeCodeParser(fallbackDir, title, summary, firstPrompt, lastPrompt, next, decision, pending,
                apiError);
    }
}
