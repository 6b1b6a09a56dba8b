-- What the wait statistics need beyond the status changes: whether a change left the unseen marker set
-- (null for rows written before this version), and when the user looked at a finished thread.

ALTER TABLE status_transition ADD COLUMN unseen INTEGER;

CREATE TABLE seen_mark (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    server_key  TEXT NOT NULL,
    session     TEXT NOT NULL,
    thread_key  TEXT NOT NULL,
    at          TEXT NOT NULL
);

CREATE INDEX seen_mark_by_session ON seen_mark (server_key, session, id);
