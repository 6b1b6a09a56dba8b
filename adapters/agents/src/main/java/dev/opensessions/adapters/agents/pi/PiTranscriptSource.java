package dev.opensessions.adapters.agents.pi;

import dev.opensessions.adapters.agents.watch.FileThreadSource;
import dev.opensessions.adapters.agents.watch.FileWatch;
import dev.opensessions.adapters.agents.watch.JsonlThreadReader;
import dev.opensessions.adapters.agents.watch.RecentFiles;
import dev.opensessions.application.port.out.AgentSink;
import dev.opensessions.application.port.out.AgentSource;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Watches Pi session files, {@code **}{@code /*.jsonl} under {@code $PI_CODING_AGENT_SESSION_DIR}, else
 * {@code $PI_CODING_AGENT_DIR/sessions}, else {@code ~/.pi/agent/sessions}.
 */
public final class PiTranscriptSource implements AgentSource {

    public static final String AGENT = "pi";

    private final FileThreadSource files;

    public PiTranscriptSource(Map<String, String> env, Path home, Clock clock) {
        this.files = new FileThreadSource(new FileThreadSource.Layout(AGENT, sessionsDir(env, home),
                Integer.MAX_VALUE, file -> file.getFileName().toString().endsWith(".jsonl"),
                file -> new JsonlThreadReader(AGENT, file.getFileName().toString().replaceFirst("\\.jsonl$", ""),
                        file, PiParser::start),
                RecentFiles.lastFiveMinutes(clock), FileWatch.DEFAULT_RESCAN));
    }

    static Path sessionsDir(Map<String, String> env, Path home) {
        String sessions = env.get("PI_CODING_AGENT_SESSION_DIR");
        if (sessions != null && !sessions.isBlank()) {
            return Path.of(sessions);
        }
        String agentDir = env.get("PI_CODING_AGENT_DIR");
        if (agentDir != null && !agentDir.isBlank()) {
            return Path.of(agentDir).resolve("sessions");
        }
        return home.resolve(".pi").resolve("agent").resolve("sessions");
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
