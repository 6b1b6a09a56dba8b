package dev.opensessions.application.service;

import dev.opensessions.application.port.in.AgentEventOutcome;
import dev.opensessions.application.port.in.RecordAgentEventUseCase;
import dev.opensessions.application.port.out.AgentObservation;
import dev.opensessions.application.port.out.AgentSink;
import dev.opensessions.application.port.out.AgentSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Gives a Pi thread that reports no pane the pane of its live process, so it maps by pane: wraps
 * the Pi transcript source and the recorder of pushed events, and re-sends a thread's last reading when its
 * process's pane becomes known, so its row moves to that pane's session without waiting for the next entry.
 */
final class PiPaneLinks {

    /** Readings quiet this long are forgotten, as the watch service forgets their threads. */
    private static final Duration FORGET_AFTER = Duration.ofMinutes(15);

    private final Function<String, Optional<PiRuntime>> runtimes;
    private final Clock clock;
    private final Map<String, Held> last = new HashMap<>();

    PiPaneLinks(Function<String, Optional<PiRuntime>> runtimes, Clock clock) {
        this.runtimes = runtimes;
        this.clock = clock;
    }

    AgentSource linked(AgentSource source) {
        return PiRuntimeService.AGENT.equals(source.agent()) ? new LinkedSource(source, this) : source;
    }

    /**
     * The recorder with each report linked first; a batch goes on as one batch ({@link
     * RecordAgentEventUseCase#recordAll}), so the recorder still applies it as one change of the state.
     */
    RecordAgentEventUseCase linked(RecordAgentEventUseCase recorder) {
        return new LinkedRecorder(recorder, this);
    }

    /** The session's process has a new pane: its thread's last reading goes out again, linked to it. */
    synchronized void relink(String sessionId) {
        Held held = last.get(sessionId);
        if (held != null) {
            held.sink().observed(link(held.reading()));
        }
    }

    /** Under the lock, so a re-sent reading never overtakes a newer one on its way to the sink. */
    private synchronized void forward(AgentSink sink, AgentObservation reading) {
        Instant horizon = clock.instant().minus(FORGET_AFTER);
        last.values().removeIf(held -> held.reading().lastActivity().isBefore(horizon));
        last.put(reading.threadId(), new Held(reading, sink));
        sink.observed(link(reading));
    }

    private AgentObservation link(AgentObservation o) {
        if (o.paneId() != null) {
            return o;
        }
        return paneOf(o.agent(), o.threadId()).map(runtime -> {
            List<String> evidence = new ArrayList<>(o.evidence());
            evidence.add("pi runtime pid " + runtime.pid() + " in pane " + runtime.pane());
            return new AgentObservation(o.agent(), o.threadId(), o.status(), o.threadName(), o.lastUserPrompt(),
                    o.projectDir(), runtime.pane(), o.lastActivity(), o.endsInToolCall(), o.origin(), evidence,
                    o.reported());
        }).orElse(o);
    }

    private RecordAgentEventUseCase.Command link(RecordAgentEventUseCase.Command c) {
        if (c.paneId() != null) {
            return c;
        }
        return paneOf(c.agent(), c.threadId()).map(PiRuntime::pane)
                .map(pane -> new RecordAgentEventUseCase.Command(c.agent(), c.status(), c.tmuxSession(),
                        c.projectDir(), c.threadId(), c.threadName(), c.lastUserPrompt(), c.ts(), c.unseen(), pane))
                .orElse(c);
    }

    private Optional<PiRuntime> paneOf(String agent, String threadId) {
        if (!PiRuntimeService.AGENT.equals(agent) || threadId == null) {
            return Optional.empty();
        }
        return runtimes.apply(threadId).filter(runtime -> runtime.pane() != null);
    }

    /** A thread's last reading as its source sent it, and where it went. */
    private record Held(AgentObservation reading, AgentSink sink) {
    }

    /** The recorder of pushed reports, each passed through the links; a batch stays one batch. */
    private record LinkedRecorder(RecordAgentEventUseCase recorder, PiPaneLinks links)
            implements RecordAgentEventUseCase {

        @Override
        public AgentEventOutcome record(Command command) {
            return recorder.record(links.link(command));
        }

        @Override
        public List<BatchOutcome> recordAll(List<Command> commands) {
            List<Command> linked = new ArrayList<>(commands.size());
            for (Command command : commands) {
                linked.add(links.link(command));
            }
            return recorder.recordAll(linked);
        }
    }

    /** The Pi transcript source, its readings passed through the links. */
    private record LinkedSource(AgentSource source, PiPaneLinks links) implements AgentSource {

        @Override
        public String agent() {
            return source.agent();
        }

        @Override
        public void start(AgentSink sink) {
            source.start(reading -> links.forward(sink, reading));
        }

        @Override
        public void close() {
            source.close();
        }
    }
}
