package dev.opensessions.protocol;

import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.agent.AgentTracker;
import dev.opensessions.domain.agent.Attention;
import dev.opensessions.domain.metadata.LogEntry;
import dev.opensessions.domain.metadata.Progress;
import dev.opensessions.domain.metadata.SessionMetadata;
import dev.opensessions.domain.metadata.StatusPill;
import dev.opensessions.domain.session.Client;
import dev.opensessions.domain.session.GitStatus;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.session.SessionName;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Maps state snapshots to their wire shape; shared by the HTTP and WebSocket adapters. */
public final class StateViews {

    private StateViews() {
    }

    public static StateView of(StateSnapshot snapshot) {
        Set<PaneId> focused = snapshot.topology().focusedPanes();
        List<SessionView> sessions = snapshot.order().arrange(snapshot.topology().sessions()).stream()
                .map(s -> session(snapshot, s, focused))
                .toList();
        Map<String, MetadataView> metadata = new TreeMap<>();
        snapshot.metadata().forEach((name, value) -> metadata.put(name.value(), metadata(value)));
        return new StateView(
                snapshot.version(),
                snapshot.takenAt().toEpochMilli(),
                sessions,
                snapshot.topology().clients().stream().map(StateViews::client).toList(),
                snapshot.order().order().stream().map(SessionName::value).toList(),
                snapshot.order().hidden().stream().map(SessionName::value).sorted().toList(),
                metadata);
    }

    private static SessionView session(StateSnapshot snapshot, Session session, Set<PaneId> focused) {
        SessionName name = session.name();
        AgentTracker agents = snapshot.agents();
        GitStatus git = session.git();
        return new SessionView(
                name.value(),
                session.createdAt().toEpochMilli(),
                session.directory(),
                session.windows(),
                session.panes().size(),
                git == null ? null : git.branch(),
                git != null && git.dirty(),
                git == null ? 0 : git.changedFiles(),
                git == null ? 0 : git.insertions(),
                git == null ? 0 : git.deletions(),
                git != null && git.worktree(),
                git == null ? null : git.repositoryKey(),
                session.ports(),
                session.ports().stream().map(LinkView::direct).toList(),
                snapshot.order().hidden().contains(name),
                agents.unseen(name),
                agents.headline(name, focused).map(StateViews::agent).orElse(null),
                agents.visible(name, focused).stream().map(StateViews::agent).toList(),
                agents.eventTimestamps(name).stream().map(Instant::toEpochMilli).toList(),
                agents.attention(name).map(StateViews::wire).orElse(null),
                metadata(snapshot.metadataOf(name)),
                "local",
                "tmux");
    }

    private static ClientView client(Client client) {
        return new ClientView(client.tty(), client.session().value(),
                client.activePane() == null ? null : client.activePane().value());
    }

    public static AgentView agent(AgentThread thread) {
        return new AgentView(
                thread.agent(),
                thread.session().value(),
                thread.status().wireName(),
                thread.updatedAt().toEpochMilli(),
                thread.threadId(),
                thread.threadName(),
                thread.lastUserPrompt(),
                thread.unseen(),
                Optional.ofNullable(thread.paneId()).map(PaneId::value).orElse(null),
                thread.liveness().wireName(),
                thread.projectDir(),
                wire(thread.attention()));
    }

    public static MetadataView metadata(SessionMetadata metadata) {
        return new MetadataView(
                status(metadata.status()),
                progress(metadata.progress()),
                metadata.logs().stream().map(StateViews::log).toList(),
                metadata.notification() == null ? null : log(metadata.notification()));
    }

    /** The wire name of an attention signal: {@code done-unseen}, {@code tool-running}, ... */
    public static String wire(Attention attention) {
        return attention.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static StatusView status(StatusPill pill) {
        return pill == null ? null : new StatusView(pill.text(), pill.tone().wireName(), pill.ts().toEpochMilli());
    }

    private static ProgressView progress(Progress p) {
        return p == null ? null
                : new ProgressView(p.current(), p.total(), p.percent(), p.label(), p.ts().toEpochMilli());
    }

    private static LogView log(LogEntry entry) {
        return new LogView(entry.message(), entry.tone().wireName(), entry.source(), entry.ts().toEpochMilli());
    }
}
