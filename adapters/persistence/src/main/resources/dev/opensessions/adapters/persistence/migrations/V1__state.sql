-- Every table is keyed by server_key so several tmux servers can share one file.

CREATE TABLE session_order (
    server_key TEXT    NOT NULL,
    position   INTEGER NOT NULL,
    session    TEXT    NOT NULL,
    PRIMARY KEY (server_key, position)
);

CREATE TABLE hidden_session (
    server_key TEXT NOT NULL,
    session    TEXT NOT NULL,
    PRIMARY KEY (server_key, session)
);

CREATE TABLE session_metadata (
    server_key          TEXT NOT NULL,
    session             TEXT NOT NULL,
    status_text         TEXT,
    status_tone         TEXT,
    status_ts           TEXT,
    progress_current    REAL,
    progress_total      REAL,
    progress_percent    REAL,
    progress_label      TEXT,
    progress_ts         TEXT,
    notification_message TEXT,
    notification_tone   TEXT,
    notification_source TEXT,
    notification_ts     TEXT,
    PRIMARY KEY (server_key, session)
);

CREATE TABLE session_log (
    server_key TEXT    NOT NULL,
    session    TEXT    NOT NULL,
    position   INTEGER NOT NULL,
    message    TEXT    NOT NULL,
    tone       TEXT    NOT NULL,
    source     TEXT,
    ts         TEXT    NOT NULL,
    PRIMARY KEY (server_key, session, position),
    FOREIGN KEY (server_key, session) REFERENCES session_metadata (server_key, session) ON DELETE CASCADE
);

CREATE TABLE agent_thread (
    server_key       TEXT    NOT NULL,
    thread_key       TEXT    NOT NULL,
    agent            TEXT    NOT NULL,
    session          TEXT    NOT NULL,
    status           TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    thread_id        TEXT,
    thread_name      TEXT,
    last_user_prompt TEXT,
    unseen           INTEGER NOT NULL,
    pane_id          TEXT,
    liveness         TEXT    NOT NULL,
    project_dir      TEXT,
    PRIMARY KEY (server_key, thread_key)
);

CREATE TABLE status_transition (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    server_key  TEXT NOT NULL,
    session     TEXT NOT NULL,
    thread_key  TEXT NOT NULL,
    from_status TEXT,
    to_status   TEXT NOT NULL,
    at          TEXT NOT NULL
);

CREATE INDEX status_transition_by_session ON status_transition (server_key, session, id);

CREATE TABLE server_mark (
    server_key  TEXT NOT NULL,
    mark        TEXT NOT NULL,
    PRIMARY KEY (server_key, mark)
);
