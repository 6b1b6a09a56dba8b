package dev.opensessions.adapters.tmux;

/** A pane's size in cells, as tmux reports it. */
public record TmuxPaneSize(int width, int height) {
}
