package dev.opensessions.adapters.tmux;

import java.util.List;
import java.util.Objects;

/** One unit of the tmux control protocol as the parser hands it on: a command reply, a notification, or the end. */
public sealed interface ControlEvent {

    /**
     * The framed output of one command ({@code %begin} ... {@code %end} or {@code %error}).
     *
     * @param fromClient true for commands this client sent; false for the command tmux was started with
     */
    record Reply(long number, boolean fromClient, boolean ok, List<String> lines) implements ControlEvent {

        public Reply {
            lines = List.copyOf(lines);
        }
    }

    /** An unsolicited line such as {@code %session-renamed $1 new name}: its name and the text after it. */
    record Notification(String name, String arguments) implements ControlEvent {

        public Notification {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(arguments, "arguments");
        }

        /** The first {@code count} space-separated words; the last one keeps the rest of the line. */
        public List<String> words(int count) {
            return List.of(arguments.split(" ", count));
        }
    }

    /** {@code %exit}: tmux is about to end this control client, for the reason given (may be empty). */
    record Exit(String reason) implements ControlEvent {
    }
}
