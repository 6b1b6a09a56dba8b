package dev.opensessions.application.port.in;

import dev.opensessions.domain.agent.ThreadKey;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;

import java.util.Objects;

/**
 * Moves one tmux client to the agent that needs the user next (docs/reference/key-bindings.md#jump): the sidebar's
 * {@code N}, {@code prefix o n}, the optional root key and {@code opensessions next}.
 */
public interface JumpToNextUseCase {

    /** Jumps the client with that tty; other clients are never moved. */
    JumpOutcome jumpNext(String clientTty);

    /** Jumps the client that shows the pane (a sidebar's own client), as {@link #jumpNext(String)}. */
    JumpOutcome jumpNextFrom(PaneId pane);

    /** What became of a jump. */
    sealed interface JumpOutcome {

        /**
         * The client now shows the agent's session, with its pane selected when the agent's pane is known
         * ({@code pane} null otherwise); {@code left} more need the user after this one.
         */
        record Jumped(SessionName session, ThreadKey thread, PaneId pane, int left) implements JumpOutcome {
            public Jumped {
                Objects.requireNonNull(session, "session");
                Objects.requireNonNull(thread, "thread");
            }
        }

        /** No agent waits for the user and none has an unseen end: nothing moved. */
        record NothingNeedsYou() implements JumpOutcome {
        }

        /** No attached user client has that tty. */
        record NoClient() implements JumpOutcome {
        }

        /** The multiplexer failed or did not answer. */
        record Failed(String reason) implements JumpOutcome {
        }
    }
}
