package dev.opensessions.adapters.agents.codex;

import dev.opensessions.adapters.agents.watch.FileThreadSource;
import dev.opensessions.adapters.agents.watch.FileWatch;
import dev.opensessions.adapters.agents.watch.JsonlThreadReader;
import dev.opensessions.adapters.agents.watch.RecentFiles;
import dev.opensessions.adapters.agents.watch.ThreadFileReader;
import dev.opensessions.application.port.out.AgentObservation;
import dev.opensessions.application.port.out.AgentSink;
import dev.opensessions.application.port.out.AgentSource;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches Codex CLI rollouts, {@code $CODEX_HOME/sessions/YYYY/MM/DD/rollout-<ts>-<uuid>.jsonl}, one
 * thread per file named by the UUID, with names from {@code $CODEX_HOME/session_index.jsonl} when it has one.
 */
public final class CodexTranscriptSource implements AgentSource {

    public static final String AGENT = "codex";
    static final String INDEX = "session_index.jsonl";

    private static final Pattern UUID_SUFFIX =
            Pattern.compile("([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\.jsonl$");

    private final Path codexHome;
    private final CodexSessionIndex index;
    private final FileThreadSource files;
    private FileWatch indexWatch;

    public CodexTranscriptSource(Map<String, String> env, Path home, Clock clock) {
        String configured = env.get("CODEX_HOME");
        this.codexHome = configured != null && !configured.isBlank() ? Path.of(configured) : home.resolve(".codex");
        this.index = new CodexSessionIndex(codexHome.resolve(INDEX));
        this.files = new FileThreadSource(new FileThreadSource.Layout(AGENT, codexHome.resolve("sessions"),
                Integer.MAX_VALUE, file -> file.getFileName().toString().endsWith(".jsonl"),
                CodexTranscriptSource::reader, RecentFiles.lastFiveMinutes(clock), FileWatch.DEFAULT_RESCAN),
                this::named);
    }

    /** The thread id of a rollout file: its UUID suffix, else its stem. */
    static String threadId(Path file) {
        String name = file.getFileName().toString();
        Matcher uuid = UUID_SUFFIX.matcher(name);
        return uuid.find() ? uuid.group(1).toLowerCase() : name.replaceFirst("\\.jsonl$", "");
    }

    private static ThreadFileReader reader(Path file) {
        return new JsonlThreadReader(AGENT, threadId(file), file, CodexParser::start);
    }

    private AgentObservation named(AgentObservation read) {
        return index.nameOf(read.threadId())
                .map(name -> new AgentObservation(read.agent(), read.threadId(), read.status(), name,
                        read.lastUserPrompt(), read.projectDir(), read.paneId(), read.lastActivity(),
                        read.endsInToolCall(), read.origin(), read.evidence()))
                .orElse(read);
    }

    @Override
    public String agent() {
        return AGENT;
    }

    @Override
    public synchronized void start(AgentSink sink) {
        // Names first, so threads are not reported once under their first prompt and again under their name.
        index.refresh();
        indexWatch = new FileWatch(AGENT + "-index", codexHome, 1, this::indexChanged, FileWatch.DEFAULT_RESCAN);
        files.start(sink);
        indexWatch.start();
    }

    private void indexChanged(Path file) {
        if (file.getFileName().toString().equals(INDEX) && index.refresh()) {
            files.redecorate();
        }
    }

    @Override
    public synchronized void close() {
        if (indexWatch != null) {
            indexWatch.close();
        }
        files.close();
    }
}
