package dev.opensessions.application.port.out;

import dev.opensessions.domain.session.PaneId;

import java.util.List;
import java.util.Optional;

/**
 * Reads what a pane shows, as plain text, through the multiplexer's existing connection (never a new
 * process), for the agents' screen rules. Fails with {@link MultiplexerException} when the multiplexer does
 * not answer.
 */
public interface PaneScreens {

    /**
     * The pane's visible lines, top to bottom, without colours; empty when the pane is gone.
     *
     * @param pane the pane to read
     */
    Optional<List<String>> visible(PaneId pane);

    /**
     * The bottom of the pane's visible screen, holding at least its last {@code lines} lines with text when the
     * multiplexer can tell where the text ends (else the whole visible screen); empty when the pane is gone.
     *
     * @param pane  the pane to read
     * @param lines how many lines with text the caller reads
     */
    default Optional<List<String>> bottom(PaneId pane, int lines) {
        return visible(pane);
    }
}
