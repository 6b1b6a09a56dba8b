package dev.opensessions.domain.sidebar;

/** Where a diff viewer opens: a popup over the client ({@code l}) or a new window ({@code L}). */
public enum DiffPlace {
    POPUP,
    WINDOW
}
