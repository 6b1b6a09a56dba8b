package dev.opensessions.adapters.agents.droid;

import dev.opensessions.adapters.agents.watch.FileThreadSource;
import dev.opensessions.adapters.agents.watch.FileWatch;
import dev.opensessions.adapters.agents.watch.JsonlThreadReader;
import dev.opensessions.adapters.agents.watch.RecentFiles;
import dev.opensessions.application.port.out.AgentSink;
import dev.opensessions.application.port.out.AgentSource;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Watches Droid (Factory) transcripts, {@code **}{@code /*.jsonl} under {@code $FACTORY_PROJECTS_DIR}, else under
 * both {@code ~/.factory/projects} and {@code ~/.factory/sessions}, where Droid builds have also kept
 * them; one thread per file, named by its stem.
 */
public final class DroidTranscriptSource implements AgentSource {

    public static final String AGENT = "droid";

    private final List<FileThreadSource> trees = new ArrayList<>();

    public DroidTranscriptSource(Map<String, String> env, Path home, Clock clock) {
        for (Path root : roots(env, home)) {
            trees.add(new FileThreadSource(new FileThreadSource.Layout(AGENT, root, Integer.MAX_VALUE,
                    file -> file.getFileName().toString().endsWith(".jsonl"),
                    file -> new JsonlThreadReader(AGENT, file.getFileName().toString().replaceFirst("\\.jsonl$", ""),
                            file, DroidParser::start),
                    RecentFiles.lastFiveMinutes(clock), FileWatch.DEFAULT_RESCAN)));
        }
    }

    static List<Path> roots(Map<String, String> env, Path home) {
        String configured = env.get("FACTORY_PROJECTS_DIR");
        if (configured != null && !configured.isBlank()) {
            return List.of(Path.of(configured));
        }
        Path factory = home.resolve(".factory");
        return List.of(factory.resolve("projects"), factory.resolve("sessions"));
    }

    @Override
    public String agent() {
        return AGENT;
    }

    @Override
    public void start(AgentSink sink) {
        trees.forEach(tree -> tree.start(sink));
    }

    @Override
    public void close() {
        trees.forEach(FileThreadSource::close);
    }
}
