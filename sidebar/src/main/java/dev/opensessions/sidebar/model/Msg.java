package dev.opensessions.sidebar.model;

import dev.opensessions.domain.agent.WaitFigures;
import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;

import java.time.Instant;
import java.util.List;
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

    /** A message a pane sent itself through {@link Effect.Later}: {@code purpose} says what, {@code generation} which one. */
    record Timer(String purpose, long generation) implements Msg {
        public Timer {
            Objects.requireNonNull(purpose, "purpose");
        }
    }

    /**
     * The built-in project picker's folders (fzf is not installed), in answer to {@link Effect.NewSession},
     * with the user's home folder (blank when unknown) that the picker shows as {@code ~}.
     */
    record ProjectsListed(List<String> directories, String home) implements Msg {
        public ProjectsListed {
            directories = List.copyOf(directories);
            Objects.requireNonNull(home, "home");
        }
    }

    /** Something the server could not do for this pane, to be told in the sidebar ({@code Notice}). */
    record Told(String title, String text) implements Msg {
        public Told {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(text, "text");
        }
    }

    /** Another sidebar moved its keyboard focus; adopted when it lives in the same session as this pane. */
    /** How long a session's agents waited for the user over the last day ({@link Effect.LoadWaits}). */
    record WaitsLoaded(SessionName session, WaitFigures figures) implements Msg {
    }

    record PeerFocus(PaneId from, SessionName fromSession, SessionName focused) implements Msg {
        public PeerFocus {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(fromSession, "fromSession");
            Objects.requireNonNull(focused, "focused");
        }
    }
}
