package dev.opensessions.sidebar.model;

import dev.opensessions.domain.session.Session;

import java.util.Objects;

/**
 * One row of the session list as update and view both see it.
 *
 * @param kind      a lone session, a group header or a group child
 * @param session   the row's session; for a header, the child it stands for ({@link WorktreeGroup#chosen})
 * @param group     the row's group, null for a lone session
 * @param number    the index shown ({@code 01}, {@code 02}, ...) and typed with 1-9; 0 for a header
 * @param lastChild true for a group's last child, whose detail line drops the rail
 * @param collapsed true for the header of a collapsed group
 */
public record ListRow(Kind kind, Session session, WorktreeGroup group, int number, boolean lastChild,
                      boolean collapsed) {

    /** Lines between two rows. */
    public static final int SPACING = 1;

    /** What a row shows. */
    public enum Kind {
        SESSION, HEADER, CHILD
    }

    public ListRow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(session, "session");
        if (kind != Kind.SESSION) {
            Objects.requireNonNull(group, "group");
        }
    }

    /** Drawn lines: a header has one, a session its name and detail lines; a spacer follows each row. */
    public int lines() {
        return kind == Kind.HEADER ? 1 : 2;
    }

    public boolean header() {
        return kind == Kind.HEADER;
    }

    public RowId id() {
        return header() ? RowId.header(group.key()) : RowId.session(session.name());
    }

    /** The reorderable block the row belongs to: its group, or the lone session. */
    public ListBlock block() {
        return group != null ? group : new ListBlock.Single(session);
    }
}
