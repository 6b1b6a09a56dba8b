package dev.opensessions.sidebar.model;

/** The keys the sidebar distinguishes; printable keys are {@link #CHAR} with their code point. */
public enum KeyKind {
    CHAR, ENTER, ESCAPE, TAB, BACK_TAB, BACKSPACE, DELETE, UP, DOWN, LEFT, RIGHT, HOME, END, PAGE_UP, PAGE_DOWN
}
