package dev.opensessions.adapters.agents.claude;

import dev.opensessions.adapters.agents.watch.FileThreadSource;
import dev.opensessions.adapters.agents.watch.FileWatch;
import dev.opensessions.adapters.agents.watch.JsonlThreadReader;
import dev.opensessions.adapters.agents.watch.RecentFiles;
import dev.opensessions.adapters.agents.watch.ThreadFileReader;
import dev.opensessions.application.port.out.AgentSink;
import dev.opensessions.application.port.out.AgentSource;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Watches Claude Code transcripts, {@code ~/.claude/projects/<encoded-dir>/<session-id>.jsonl}, one thread per
 * file named by its stem. Task subagent transcripts ({@code <session-id>/subagents/agent-*.jsonl} beside it) are
 * not threads of their own: their writes keep the parent thread's last activity current.
 */
public final class ClaudeCodeTranscriptSource implements AgentSource {

    public static final String AGENT = "claude-code";

    /** {@code <project>/<session-id>/subagents/agent-<id>.jsonl}: four levels below the projects folder. */
    private static final int SUBAGENT_DEPTH = 4;

    private final FileThreadSource files;

    /** @param env where {@code CLAUDE_CONFIG_DIR}, Claude Code's own override of {@code ~/.claude}, is read */
    public ClaudeCodeTranscriptSource(Map<String, String> env, Path home, Clock clock) {
        Path projects = projectsDir(env, home);
        this.files = new FileThreadSource(new FileThreadSource.Layout(AGENT, projects, SUBAGENT_DEPTH,
                file -> isTranscript(projects, file), ClaudeCodeTranscriptSource::reader,
                RecentFiles.lastFiveMinutes(clock), FileWatch.DEFAULT_RESCAN, file -> parentOf(projects, file)));
    }

    /** A session transcript: {@code <project>/<session-id>.jsonl}, right in a project's folder. */
    static boolean isTranscript(Path projects, Path file) {
        return file.startsWith(projects) && projects.relativize(file).getNameCount() == 2
                && file.getFileName().toString().endsWith(".jsonl");
    }

    /**
     * The session transcript a Task subagent's transcript belongs to ({@code <project>/<session-id>.jsonl} for
     * {@code <project>/<session-id>/subagents/agent-<id>.jsonl}), null for any other file. A subagent is no
     * thread of its own; its writes show its parent's turn at work.
     */
    static Path parentOf(Path projects, Path file) {
        if (!file.startsWith(projects)) {
            return null;
        }
        Path relative = projects.relativize(file);
        String name = file.getFileName().toString();
        if (relative.getNameCount() != SUBAGENT_DEPTH || !relative.getName(2).toString().equals("subagents")
                || !name.startsWith("agent-") || !name.endsWith(".jsonl")) {
            return null;
        }
        return projects.resolve(relative.getName(0)).resolve(relative.getName(1) + ".jsonl");
    }

    /** The folder holding one subfolder per project. */
    public static Path projectsDir(Map<String, String> env, Path home) {
        String configured = env.get("CLAUDE_CONFIG_DIR");
        Path base = configured != null && !configured.isBlank() ? Path.of(configured) : home.resolve(".claude");
        return base.resolve("projects");
    }

    private static ThreadFileReader reader(Path file) {
        String stem = file.getFileName().toString().replaceFirst("\\.jsonl$", "");
        String fallbackDir = ClaudeProjectDir.decode(file.getParent().getFileName().toString());
        return new JsonlThreadReader(AGENT, stem, file, () -> ClaudeCodeParser.start(fallbackDir));
    }

    @Override
    public String agent() {
        return AGENT;
    }

    @Override
    public void start(AgentSink sink) {
        files.start(sink);
    }

    @Override
    public void close() {
        files.close();
    }
}
