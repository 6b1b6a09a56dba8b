package dev.opensessions.application.service;

import dev.opensessions.application.port.in.AppendLogUseCase;
import dev.opensessions.application.port.in.ClearLogUseCase;
import dev.opensessions.application.port.in.LogCommand;
import dev.opensessions.application.port.in.NotifyUseCase;
import dev.opensessions.application.port.in.SetProgressUseCase;
import dev.opensessions.application.port.in.SetStatusUseCase;
import dev.opensessions.application.state.Change;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.domain.metadata.LogEntry;
import dev.opensessions.domain.metadata.Progress;
import dev.opensessions.domain.metadata.SessionMetadata;
import dev.opensessions.domain.metadata.StatusPill;
import dev.opensessions.domain.metadata.Tone;
import dev.opensessions.domain.session.SessionName;

import java.time.Instant;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What scripts push onto a session: status pill, progress, log lines and notifications. Stored under
 * the session name whether or not that session exists yet, since a script may push before creating it.
 */
public final class SessionMetadataService
        implements SetStatusUseCase, SetProgressUseCase, AppendLogUseCase, NotifyUseCase, ClearLogUseCase {

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
        owner.apply(state -> Change.of(state.withMetadata(session, change), null));
    }

    private Instant now() {
        return owner.clock().instant();
    }
}
