package dev.opensessions.sidebar.model;

/** What the mouse did (SGR mouse reports). */
public enum MouseKind {
    PRESS, RELEASE, DRAG, MOVE, SCROLL_UP, SCROLL_DOWN
}
