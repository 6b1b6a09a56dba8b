package dev.opensessions.domain.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What scripts pushed onto a session: a status pill, a progress bar, a bounded log ring, and the latest
 * notification. Null pill, progress or notification means none.
 */
public record SessionMetadata(StatusPill status, Progress progress, List<LogEntry> logs, LogEntry notification) {

    /** Lines kept per session; the sidebar shows the last 8. */
    public static final int LOG_CAPACITY = 50;

    public SessionMetadata {
        Objects.requireNonNull(logs, "logs");
        if (logs.size() > LOG_CAPACITY) {
            logs = logs.subList(logs.size() - LOG_CAPACITY, logs.size());
        }
        logs = List.copyOf(logs);
    }

    public static SessionMetadata empty() {
        return new SessionMetadata(null, null, List.of(), null);
    }

    public boolean isEmpty() {
        return status == null && progress == null && logs.isEmpty() && notification == null;
    }

    public SessionMetadata withStatus(StatusPill value) {
        return new SessionMetadata(value, progress, logs, notification);
    }

    public SessionMetadata withProgress(Progress value) {
        return new SessionMetadata(status, value, logs, notification);
    }

    public SessionMetadata withLog(LogEntry entry) {
        List<LogEntry> more = new ArrayList<>(logs.size() + 1);
        more.addAll(logs);
        more.add(entry);
        return new SessionMetadata(status, progress, more, notification);
    }

    /** Logs the entry and remembers it as the latest notification, for surfaces that flash it. */
    public SessionMetadata withNotification(LogEntry entry) {
        return withLog(entry).withLatestNotification(entry);
    }

    public SessionMetadata withoutLogs() {
        return new SessionMetadata(status, progress, List.of(), notification);
    }

    private SessionMetadata withLatestNotification(LogEntry entry) {
        return new SessionMetadata(status, progress, logs, entry);
    }
}
