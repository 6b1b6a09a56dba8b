package dev.opensessions.sidebar.runtime;

import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.Step;
import dev.opensessions.sidebar.view.Grid;

/**
 * The Elm-style program one sidebar pane runs: an initial state, a pure update, a pure view. The runtime
 * owns the loop (bytes in, messages, frames out); the program owns what is shown.
 */
public interface PaneProgram<S> {

    S initial(PaneContext context);

    Step<S> update(S state, Msg msg);

    Grid view(S state);

    /**
     * The view of {@code state}, given that {@code shownFrame} is the view of {@code shown}, the state last drawn: by
     * default the whole view; a program may make it from the shown frame when only animated cells change.
     */
    default Grid view(S state, S shown, Grid shownFrame) {
        return view(state);
    }

    /**
     * True while the view animates (a spinner on screen): the runtime then sends ticks, and none otherwise;
     * {@code frame} is the view of {@code state}.
     */
    boolean animating(S state, Grid frame);
}
