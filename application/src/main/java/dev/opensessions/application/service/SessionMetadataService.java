package dev.opensessions.application.service;

import dev.opensessions.application.port.in.AppendLogUseCase;
import dev.opensessions.application.port.in.ClearLogUseCase;
import dev.opensessions.application.port.in.LogCommand;
import dev.opensessions.application.port.in.NotifyUseCase;
import dev.opensessions.application.port.in.SetProgressUseCase;
import dev.opensessions.application.port.in.SetStatusUseCase;
import dev.opensessions.application.port.in.LimitExceeded;
import dev.opensessions.application.state.Change;
import dev.opensessions.application.state.ServerState;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.domain.metadata.LogEntry;
import dev.opensessions.domain.metadata.Progress;
import dev.opensessions.domain.metadata.SessionMetadata;
import dev.opensessions.domain.metadata.StatusPill;
import dev.opensessions.domain.metadata.Tone;
import dev.opensessions.domain.session.SessionName;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What scripts push onto a session: status pill, progress, log lines and notifications. Stored under
 * the session name whether or not that session exists yet, since a script may push before creating it;
 * but at most {@link #MAX_SESSIONS} names hold metadata: to make room for a new one, the entry of a session
 * that is not live and was updated longest ago goes first, and when every entry is of a live session the
 * write is refused ({@link LimitExceeded}).
 */
public final class SessionMetadataService
        implements SetStatusUseCase, SetProgressUseCase, AppendLogUseCase, NotifyUseCase, ClearLogUseCase {

    /** Far more sessions than anyone runs; a loop pushing made-up names stops here. */
    public static final int MAX_SESSIONS = 256;

    private final StateOwner owner;

    public SessionMetadataService(StateOwner owner) {
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    @Override
    public void setStatus(SessionName session, String text, Tone tone) {
        StatusPill pill = text == null || text.isBlank() ? null : new StatusPill(text, tone, now());
        change(session, m -> m.withStatus(pill));
    }

    @Override
    public void setProgress(SetProgressUseCase.Command command) {
        Progress progress = command.clear() ? null
                : Progress.of(command.current(), command.total(), command.percent(), command.label(), now())
                        .orElse(null);
        change(command.session(), m -> m.withProgress(progress));
    }

    @Override
    public void append(LogCommand command) {
        LogEntry entry = entry(command);
        change(command.session(), m -> m.withLog(entry));
    }

    @Override
    public void notify(LogCommand command) {
        LogEntry entry = entry(command);
        change(command.session(), m -> m.withNotification(entry));
    }

    @Override
    public void clearLog(SessionName session) {
        change(session, SessionMetadata::withoutLogs);
    }

    private LogEntry entry(LogCommand command) {
        return new LogEntry(command.message(), command.tone(), command.source(), now());
    }

    private void change(SessionName session, UnaryOperator<SessionMetadata> change) {
        owner.apply(state -> {
            ServerState room = state;
            if (!state.metadata().containsKey(session) && state.metadata().size() >= MAX_SESSIONS) {
                SessionName oldest = state.metadata().entrySet().stream()
                        .filter(entry -> !state.topology().contains(entry.getKey()))
                        .min(Comparator.comparing(entry -> lastUpdate(entry.getValue())))
                        .map(Map.Entry::getKey)
                        .orElseThrow(() -> new LimitExceeded("too many sessions with metadata (at most "
                                + MAX_SESSIONS + ")"));
                room = state.withMetadata(oldest, ignored -> SessionMetadata.empty());
            }
            return Change.of(room.withMetadata(session, change), null);
        });
    }

    /** The newest time anything of the entry was set. */
    private static Instant lastUpdate(SessionMetadata metadata) {
        Instant newest = Instant.MIN;
        if (metadata.status() != null) {
            newest = max(newest, metadata.status().ts());
        }
        if (metadata.progress() != null) {
            newest = max(newest, metadata.progress().ts());
        }
        if (metadata.notification() != null) {
            newest = max(newest, metadata.notification().ts());
        }
        for (LogEntry entry : metadata.logs()) {
            newest = max(newest, entry.ts());
        }
        return newest;
    }

    private static Instant max(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }

    private Instant now() {
        return owner.clock().instant();
    }
}
