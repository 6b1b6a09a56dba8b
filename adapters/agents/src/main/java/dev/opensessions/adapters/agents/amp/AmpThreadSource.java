package dev.opensessions.adapters.agents.amp;

import dev.opensessions.adapters.agents.watch.FileThreadSource;
import dev.opensessions.adapters.agents.watch.FileWatch;
import dev.opensessions.adapters.agents.watch.RecentFiles;
import dev.opensessions.application.port.out.AgentSink;
import dev.opensessions.application.port.out.AgentSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Watches Amp's local thread documents, {@code ~/.local/share/amp/threads/T-*.json}, one thread per
 * file, re-read whole when it changed because Amp rewrites it in place.
 */
public final class AmpThreadSource implements AgentSource {

    private final FileThreadSource files;

    public AmpThreadSource(Path home, Clock clock) {
        AmpThreadParser parser = new AmpThreadParser();
        this.files = new FileThreadSource(new FileThreadSource.Layout(AmpThreadParser.AGENT, threadsDir(home), 1,
                AmpThreadSource::isThreadFile,
                file -> (path, modified) -> parser.parse(Files.readString(path, StandardCharsets.UTF_8), modified,
                        path.toString()),
                RecentFiles.lastFiveMinutes(clock), FileWatch.DEFAULT_RESCAN));
    }

    /** The folder of thread documents. */
    public static Path threadsDir(Path home) {
        return home.resolve(".local").resolve("share").resolve("amp").resolve("threads");
    }

    /** Amp writes {@code T-<id>.json}; its temporary files while rewriting end otherwise and are not threads. */
    private static boolean isThreadFile(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("T-") && name.endsWith(".json");
    }

    @Override
    public String agent() {
        return AmpThreadParser.AGENT;
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
