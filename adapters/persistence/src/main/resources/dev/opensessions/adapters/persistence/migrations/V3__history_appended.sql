-- The status history and the seen marks without their index by session and without AUTOINCREMENT: rows are
-- appended at the end of the table, so a commit writes the table's last page or two, where it also wrote one
-- page of the index for every session it appended to and the page of the AUTOINCREMENT counter. The store gives
-- each row the next id of the table itself and keeps what its trim needs in memory; the ids stored are kept.

CREATE TABLE status_transition_v3 (
    id          INTEGER PRIMARY KEY,
    server_key  TEXT    NOT NULL,
    session     TEXT    NOT NULL,
    thread_key  TEXT    NOT NULL,
    from_status TEXT,
    to_status   TEXT    NOT NULL,
    at          TEXT    NOT NULL,
    unseen      INTEGER
);

INSERT INTO status_transition_v3 (id, server_key, session, thread_key, from_status, to_status, at, unseen)
    SELECT id, server_key, session, thread_key, from_status, to_status, at, unseen FROM status_transition;

DROP TABLE status_transition;

ALTER TABLE status_transition_v3 RENAME TO status_transition;

CREATE TABLE seen_mark_v3 (
    id          INTEGER PRIMARY KEY,
    server_key  TEXT    NOT NULL,
    session     TEXT    NOT NULL,
    thread_key  TEXT    NOT NULL,
    at          TEXT    NOT NULL
);

INSERT INTO seen_mark_v3 (id, server_key, session, thread_key, at)
    SELECT id, server_key, session, thread_key, at FROM seen_mark;

DROP TABLE seen_mark;

ALTER TABLE seen_mark_v3 RENAME TO seen_mark;
