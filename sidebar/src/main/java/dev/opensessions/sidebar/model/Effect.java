package dev.opensessions.sidebar.model;

import dev.opensessions.domain.session.SessionName;

import java.util.Objects;

/** What a sidebar asks the server to do, as data; the runtime carries it out for the pane's own client. */
public sealed interface Effect {

    /** Show the session on the tmux client that shows this pane. */
    record SwitchSession(SessionName session) implements Effect {
        public SwitchSession {
            Objects.requireNonNull(session, "session");
        }
    }

    /** Quit the whole server and every sidebar ({@code q}, SPEC 9.3 decision 1). */
    record QuitServer() implements Effect {
    }

    /** Close only this pane ({@code Ctrl-C}). */
    record ClosePane() implements Effect {
    }

    /** Hide the session from every sidebar ({@code d}); the order file keeps it hidden (SPEC 4.6). */
    record HideSession(SessionName session) implements Effect {
        public HideSession {
            Objects.requireNonNull(session, "session");
        }
    }

    /** Show every hidden session again ({@code u}). */
    record ShowAllSessions() implements Effect {
    }

    /** Move the session {@code delta} places in the shared order ({@code Alt-Up} is -1, {@code Alt-Down} +1). */
    record ReorderSession(SessionName session, int delta) implements Effect {
        public ReorderSession {
            Objects.requireNonNull(session, "session");
        }
    }
}
