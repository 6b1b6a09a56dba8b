package dev.opensessions.application.port.in;

/**
 * Re-reads what the multiplexer holds and republishes the state ({@code POST /refresh}, {@code r}).
 * Never needed for correctness (tmux notifies every change); it is there for scripts and for a user who
 * wants to be sure.
 */
public interface RefreshUseCase {

    void refresh();

    /**
     * A client's focus moved ({@code POST /focus}): re-reads the topology and marks seen the
     * agents of the focused pane when the context says it is active.
     */
    void focus(ClientContext context);
}
