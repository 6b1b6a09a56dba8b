package dev.opensessions.application.service;

import dev.opensessions.application.port.in.RecordAgentEventUseCase;
import dev.opensessions.application.port.out.AgentObservation;
import dev.opensessions.application.port.out.AgentProcessReader.RunningAgent;
import dev.opensessions.application.testkit.FakeAgentProcesses;
import dev.opensessions.application.testkit.FakeAgentSource;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.session.PaneId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static dev.opensessions.application.testkit.Await.until;

/** A started watch service over the real services of a harness, a real scheduler and one hand-driven source. */
final class WatchRig implements AutoCloseable {

    final Harness h = new Harness();
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final List<RecordAgentEventUseCase.Command> recorded = new CopyOnWriteArrayList<>();
    final FakeAgentSource claude = new FakeAgentSource("claude-code");
    final FakeAgentProcesses processes = new FakeAgentProcesses();
    final AgentLiveness liveness = new AgentLiveness(processes, h.owner, h.clock, Set.of("claude-code"));
    final AgentWatchService watch = new AgentWatchService(h.owner, command -> {
        recorded.add(command);
        return h.agents.record(command);
    }, List.of(claude), scheduler, h.clock, liveness);

    WatchRig() {
        liveness.start();
        watch.start();
    }

    /** A {@code claude} process living in the pane. */
    static RunningAgent claudeIn(String pane, String cwd) {
        return new RunningAgent("claude-code", 4242, "claude", PaneId.of(pane), cwd);
    }

    /** A Claude Code thread as its transcript reads, with the last entry's time and why. */
    static AgentObservation thread(String id, AgentStatus status, String dir, String pane, Instant lastActivity,
                                   boolean endsInToolCall, String prompt) {
        return new AgentObservation("claude-code", id, status, "Fix the login redirect", prompt, dir,
                pane == null ? null : PaneId.of(pane), lastActivity, endsInToolCall,
                "/home/me/.claude/projects/-w-api/" + id + ".jsonl",
                List.of("line 41 assistant tool_use Bash", "line 42 stop_reason tool_use"));
    }

    Optional<AgentThread> row(String threadId) {
        return h.owner.current().agents().threads().stream()
                .filter(t -> threadId.equals(t.threadId())).findFirst();
    }

    AgentStatus statusOf(String threadId) {
        return row(threadId).map(AgentThread::status).orElse(null);
    }

    /** Waits until every task the scheduler had due within {@code millis} has run: it runs them in time order. */
    void drainScheduler(long millis) throws Exception {
        scheduler.schedule(() -> null, millis, TimeUnit.MILLISECONDS).get(10, TimeUnit.SECONDS);
    }

    void awaitStatus(String threadId, AgentStatus status) {
        until(() -> statusOf(threadId) == status);
    }

    @Override
    public void close() {
        watch.close();
        scheduler.shutdownNow();
    }
}
