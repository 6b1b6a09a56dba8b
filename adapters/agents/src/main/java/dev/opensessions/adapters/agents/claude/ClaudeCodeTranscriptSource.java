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
 * Watches Claude Code transcripts, {@code ~/.claude/projects/<encoded-dir>/<session-id>.jsonl} (SPEC 5.1), one
 * thread per file named by its stem. Subagent transcripts in deeper folders are not threads of their own.
 */
public final class ClaudeCodeTranscriptSource implements AgentSource {

    public static final String AGENT = "claude-code";

    private final FileThreadSource files;

    /** @param env where {@code CLAUDE_CONFIG_DIR}, Claude Code's own override of {@code ~/.claude}, is read */
    public ClaudeCodeTranscriptSource(Map<String, String> env, Path home, Clock clock) {
        this.files = new FileThreadSource(new FileThreadSource.Layout(AGENT, projectsDir(env, home), 2,
                file -> file.getFileName().toString().endsWith(".jsonl"), ClaudeCodeTranscriptSource::reader,
                RecentFiles.lastFiveMinutes(clock), FileWatch.DEFAULT_RESCAN));
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
