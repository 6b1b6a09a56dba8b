package dev.opensessions.sidebar.model;

import dev.opensessions.application.state.StateSnapshot;

import java.time.Instant;
import java.util.Objects;

/** Everything that can happen to one sidebar pane; the update turns each into a new state and effects. */
public sealed interface Msg {

    record KeyPressed(Key key) implements Msg {
        public KeyPressed {
            Objects.requireNonNull(key, "key");
        }
    }

    /** A mouse report at a 0-based cell; {@code button} 0 left, 1 middle, 2 right. */
    record Mouse(MouseKind kind, int button, int x, int y) implements Msg {
        public Mouse {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** The pane's size in cells, from tmux. */
    record Resized(int width, int height) implements Msg {
    }

    /** A newer server state. */
    record Snapshot(StateSnapshot snapshot) implements Msg {
        public Snapshot {
            Objects.requireNonNull(snapshot, "snapshot");
        }
    }

    /** Animation time (spinner frames); sent only while something animates. */
    record Tick(Instant at) implements Msg {
        public Tick {
            Objects.requireNonNull(at, "at");
        }
    }
}
