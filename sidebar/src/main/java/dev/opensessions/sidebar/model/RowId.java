package dev.opensessions.sidebar.model;

import dev.opensessions.domain.session.SessionName;

/**
 * Names a list row across snapshots, so a flash, a hover or a drag stays on the same row when the state
 * behind it changes: a group header by its group key, a session row by its session.
 *
 * @param group   the group key of a header row, null for a session row
 * @param session the session of a session row, null for a header row
 */
public record RowId(String group, SessionName session) {

    public RowId {
        if ((group == null) == (session == null)) {
            throw new IllegalArgumentException("a row is either a group header or a session");
        }
    }

    public static RowId header(String group) {
        return new RowId(group, null);
    }

    public static RowId session(SessionName session) {
        return new RowId(null, session);
    }
}
