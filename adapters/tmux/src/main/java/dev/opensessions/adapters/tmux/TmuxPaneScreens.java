package dev.opensessions.adapters.tmux;

import dev.opensessions.application.port.out.MultiplexerException;
import dev.opensessions.application.port.out.PaneScreens;
import dev.opensessions.domain.session.PaneId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A pane's visible screen from {@code capture-pane -p} over the control connection: one command, no process
 * started, the text without escape sequences (no {@code -e}), wrapped lines as the pane shows them.
 */
public final class TmuxPaneScreens implements PaneScreens {

    private final TmuxControl control;
    private final TmuxPaneActivity activity;
    private final Duration timeout;

    TmuxPaneScreens(TmuxControl control, TmuxPaneActivity activity, Duration timeout) {
        this.control = Objects.requireNonNull(control, "control");
        this.activity = Objects.requireNonNull(activity, "activity");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Optional<List<String>> visible(PaneId pane) {
        return capture(pane, List.of());
    }

    /**
     * From {@code lines} rows above the cursor to the bottom: an agent's text ends at its cursor or in the few
     * rows it draws below it (a footer), so the rows further up are not needed. Where the cursor row is not
     * known yet (its pane's activity not reported), the whole visible screen.
     */
    @Override
    public Optional<List<String>> bottom(PaneId pane, int lines) {
        OptionalInt cursor = activity.cursorRow(pane);
        if (cursor.isEmpty() || cursor.getAsInt() + 1 <= lines) {
            return visible(pane);
        }
        return capture(pane, List.of("-S", Integer.toString(cursor.getAsInt() + 1 - lines)));
    }

    private Optional<List<String>> capture(PaneId pane, List<String> range) {
        String target = TmuxNames.paneId(pane.value());
        List<String> command = new ArrayList<>(List.of("capture-pane", "-p", "-t", target));
        command.addAll(range);
        try {
            return Optional.of(List.copyOf(TmuxWait.await("capture-pane", control.execute(command), timeout)));
        } catch (MultiplexerException failed) {
            if (TmuxWait.targetGone(failed)) {
                return Optional.empty();
            }
            throw failed;
        }
    }
}
