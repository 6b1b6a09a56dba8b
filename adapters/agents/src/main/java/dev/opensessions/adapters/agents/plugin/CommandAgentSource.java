package dev.opensessions.adapters.agents.plugin;

import dev.opensessions.application.port.out.AgentSink;
import dev.opensessions.application.port.out.AgentSource;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external agent plugin (docs/reference/agents.md#external-command-plugins-pluginname): starts its command as
 * words, never through a shell, reports each agent-event line of its stdout, logs its stderr and its bad lines, and
 * restarts it with back-off when it exits, until closed; closing kills it and its children.
 */
public final class CommandAgentSource implements AgentSource {

    private static final System.Logger LOG = System.getLogger(CommandAgentSource.class.getName());
    private static final int MAX_LINE = 64 * 1024;
    private static final Duration KILL_GRACE = Duration.ofSeconds(2);

    private final AgentPlugin plugin;
    private final Clock clock;
    private final RestartBackoff backoff;
    private final PluginLineParser parser;
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Process process;
    private Thread supervisor;

    public CommandAgentSource(AgentPlugin plugin, Clock clock, RestartBackoff backoff) {
        this.plugin = Objects.requireNonNull(plugin, "plugin");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.parser = new PluginLineParser(plugin, clock);
    }

    public CommandAgentSource(AgentPlugin plugin, Clock clock) {
        this(plugin, clock, RestartBackoff.standard());
    }

    /** Names the plugin, not an agent: each line says which agent it reports for. */
    @Override
    public String agent() {
        return plugin.origin();
    }

    @Override
    public synchronized void start(AgentSink sink) {
        Objects.requireNonNull(sink, "sink");
        if (supervisor != null) {
            throw new IllegalStateException("plugin " + plugin.name() + " already started");
        }
        supervisor = Thread.ofPlatform().daemon().name("agents-plugin-" + plugin.name()).start(() -> supervise(sink));
    }

    @Override
    public void close() {
        closing.countDown();
        Process running;
        Thread thread;
        // Under the lock a start either happened (and is seen here) or will see the closing latch and not happen.
        synchronized (this) {
            running = process;
            thread = supervisor;
        }
        if (running != null) {
            kill(running);
        }
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(KILL_GRACE.multipliedBy(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void supervise(AgentSink sink) {
        try {
            while (closing.getCount() > 0) {
                Instant started = clock.instant();
                runOnce(sink);
                Duration delay = backoff.afterExit(Duration.between(started, clock.instant()));
                if (closing.getCount() > 0) {
                    LOG.log(System.Logger.Level.WARNING, "agent plugin " + plugin.name() + " exited; restarting in "
                            + delay.toMillis() + " ms");
                }
                if (closing.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private void runOnce(AgentSink sink) {
        Process started;
        try {
            ProcessBuilder builder = new ProcessBuilder(plugin.command()).redirectInput(ProcessBuilder.Redirect.PIPE);
            synchronized (this) {
                if (closing.getCount() == 0) {
                    return;
                }
                started = builder.start();
                process = started;
            }
            started.getOutputStream().close();
        } catch (IOException cannotStart) {
            LOG.log(System.Logger.Level.WARNING, "agent plugin " + plugin.name() + " cannot start: "
                    + cannotStart.getMessage());
            return;
        }
        Thread stderr = Thread.ofPlatform().daemon().name("agents-plugin-" + plugin.name() + "-stderr")
                .start(() -> logStderr(started.getErrorStream()));
        readEvents(started.getInputStream(), sink);
        try {
            int exit = started.waitFor();
            stderr.join(KILL_GRACE);
            LOG.log(System.Logger.Level.INFO, "agent plugin " + plugin.name() + " exited with " + exit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(started);
        }
    }

    private void readEvents(InputStream stdout, AgentSink sink) {
        BoundedLines lines = new BoundedLines(stdout, MAX_LINE);
        long number = 0;
        try {
            for (BoundedLines.Line line = lines.next(); line != null; line = lines.next()) {
                number++;
                if (line.text().isBlank()) {
                    continue;
                }
                PluginLine parsed = line.cut() ? new PluginLine.Rejected("line longer than " + MAX_LINE + " characters")
                        : parser.parse(line.text(), number);
                switch (parsed) {
                    case PluginLine.Observed observed -> sink.observed(observed.observation());
                    case PluginLine.Rejected rejected -> LOG.log(System.Logger.Level.WARNING, "agent plugin "
                            + plugin.name() + " line " + number + " skipped: " + rejected.reason());
                }
            }
        } catch (IOException closed) {
            LOG.log(System.Logger.Level.DEBUG, "agent plugin " + plugin.name() + " stdout closed", closed);
        }
    }

    private void logStderr(InputStream stderr) {
        BoundedLines lines = new BoundedLines(stderr, MAX_LINE);
        try {
            for (BoundedLines.Line line = lines.next(); line != null; line = lines.next()) {
                LOG.log(System.Logger.Level.INFO, "agent plugin " + plugin.name() + ": " + line.text());
            }
        } catch (IOException closed) {
            LOG.log(System.Logger.Level.DEBUG, "agent plugin " + plugin.name() + " stderr closed", closed);
        }
    }

    /** Asks politely, then forces; children first, so a wrapper script does not leave its worker behind. */
    private static void kill(Process running) {
        List<ProcessHandle> children = running.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        running.destroy();
        try {
            if (!running.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                children.forEach(ProcessHandle::destroyForcibly);
                running.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.destroyForcibly();
        }
    }
}
