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

    /** True while the view animates (a spinner): the runtime then sends ticks, and none otherwise. */
    boolean animating(S state);
}
