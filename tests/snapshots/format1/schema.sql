-- SQLite's own options, each in the layout format 1 gave them: ON CONFLICT on a primary key,
-- a NOT NULL and a UNIQUE; WITHOUT ROWID; STRICT, with a column of type ANY.
CREATE TABLE accounts (
    id INTEGER PRIMARY KEY ON CONFLICT REPLACE AUTOINCREMENT,
    email TEXT NOT NULL ON CONFLICT IGNORE UNIQUE ON CONFLICT FAIL,
    name VARCHAR(80) NOT NULL DEFAULT '' COLLATE NOCASE,
    CONSTRAINT uq_accounts_name UNIQUE (name, email) ON CONFLICT ROLLBACK,
    CHECK (length(email) > 3)
);
CREATE TABLE settings (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value BLOB,
    PRIMARY KEY (account_id, key) ON CONFLICT IGNORE
) WITHOUT ROWID;
CREATE TABLE events (
    id INTEGER NOT NULL PRIMARY KEY,
    account_id INTEGER REFERENCES accounts (id),
    payload ANY,
    at REAL NOT NULL ON CONFLICT ROLLBACK
) WITHOUT ROWID, STRICT;
CREATE TABLE samples (
    id INTEGER PRIMARY KEY,
    reading ANY NOT NULL,
    note TEXT
) STRICT;
CREATE INDEX ix_events_account ON events (account_id);
CREATE VIEW recent_events AS SELECT id, payload FROM events WHERE at > 0;
