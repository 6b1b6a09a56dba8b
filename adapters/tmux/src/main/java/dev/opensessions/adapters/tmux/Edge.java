package dev.opensessions.adapters.tmux;

/** The side of a window a full-height pane is split off at. */
public enum Edge {
    LEFT,
    RIGHT
}
