package dev.opensessions.adapters.tmux;

import dev.opensessions.application.port.out.MultiplexerException;
import dev.opensessions.application.port.out.PaneScreens;
import dev.opensessions.domain.session.PaneId;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A pane's visible screen from {@code capture-pane -p} over the control connection: one command, no process
 * started, the text without escape sequences (no {@code -e}), wrapped lines as the pane shows them.
 */
public final class TmuxPaneScreens implements PaneScreens {

    private final TmuxControl control;
    private final Duration timeout;

    TmuxPaneScreens(TmuxControl control, Duration timeout) {
        this.control = Objects.requireNonNull(control, "control");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Optional<List<String>> visible(PaneId pane) {
        String target = TmuxNames.paneId(pane.value());
        try {
            return Optional.of(List.copyOf(TmuxWait.await("capture-pane",
                    control.execute("capture-pane", "-p", "-t", target), timeout)));
        } catch (MultiplexerException failed) {
            if (TmuxWait.targetGone(failed)) {
                return Optional.empty();
            }
            throw failed;
        }
    }
}
