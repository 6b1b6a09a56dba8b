package dev.opensessions.application.service;

import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.agent.StatusTransition;

/** The words and the JSON of a notification (docs/reference/configuration.md#notifications). */
final class NotificationText {

    private NotificationText() {
    }

    /** A message shows one line: longer texts are cut. */
    static final int MAX_LENGTH = 200;

    /** {@code codex (fix login) in web waits for you}, on one line (control characters become spaces). */
    static String of(AgentThread thread) {
        StringBuilder line = new StringBuilder();
        sentence(thread).codePoints().limit(MAX_LENGTH)
                .forEach(cp -> line.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
        return line.toString();
    }

    private static String sentence(AgentThread thread) {
        String who = thread.threadName() == null || thread.threadName().isBlank() ? thread.agent()
                : thread.agent() + " (" + thread.threadName() + ")";
        String what = switch (thread.status()) {
            case WAITING -> "waits for you";
            case DONE -> "is done";
            case ERROR -> "failed";
            case INTERRUPTED -> "was interrupted";
            case IDLE, RUNNING, TOOL_RUNNING, STALE -> thread.status().wireName();
        };
        return who + " in " + thread.session().value() + " " + what;
    }

    /** The event the user's command reads on stdin: one JSON object, one line. */
    static String json(AgentThread thread, StatusTransition transition) {
        StringBuilder out = new StringBuilder("{");
        field(out, "session", thread.session().value()).append(',');
        field(out, "agent", thread.agent()).append(',');
        field(out, "thread", thread.threadId()).append(',');
        field(out, "threadName", thread.threadName()).append(',');
        field(out, "pane", thread.paneId() == null ? null : thread.paneId().value()).append(',');
        field(out, "from", transition.from() == null ? null : transition.from().wireName()).append(',');
        field(out, "status", transition.to().wireName()).append(',');
        field(out, "at", transition.at().toString()).append(',');
        field(out, "message", of(thread));
        return out.append("}\n").toString();
    }

    private static StringBuilder field(StringBuilder out, String name, String value) {
        out.append('"').append(name).append("\":");
        if (value == null) {
            return out.append("null");
        }
        out.append('"');
        value.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (cp < 0x20) {
                        out.append(String.format("\\u%04x", cp));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.append('"');
    }
}
