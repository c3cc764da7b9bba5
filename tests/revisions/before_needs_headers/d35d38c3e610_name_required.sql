-- Revision ID: d35d38c3e610
-- Revises: c4ead83f01e0
-- Create Date: 2026-11-29 12:00:00+00:00
-- Message: name required
-- Upgrade Rebuilds: {"table": "parent", "columns": ["id", "name"], "indexes": [], "triggers": []}
-- Downgrade Rebuilds: {"table": "parent", "columns": ["id", "name"], "indexes": [], "triggers": []}

-- migrate:upgrade
PRAGMA foreign_keys=OFF;

-- CAUTION: column 'parent.name' becomes NOT NULL: fails if any row holds NULL there
-- Rebuild of table 'parent' (SQLite cannot alter it in place: a column change):
-- altered column 'parent.name': NOT NULL, default none -> ''
CREATE TABLE _dbmigrate_new_parent (
    id INTEGER,
    name TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (id)
);

INSERT OR ABORT INTO _dbmigrate_new_parent (id, name) SELECT id, name FROM parent;

DROP TABLE parent;

ALTER TABLE _dbmigrate_new_parent RENAME TO parent;

-- migrate:downgrade
PRAGMA foreign_keys=OFF;

-- Rebuild of table 'parent' (SQLite cannot alter it in place: a column change):
-- altered column 'parent.name': NULL allowed, default '' -> none
CREATE TABLE _dbmigrate_new_parent (
    id INTEGER,
    name TEXT,
    PRIMARY KEY (id)
);

INSERT OR ABORT INTO _dbmigrate_new_parent (id, name) SELECT id, name FROM parent;

DROP TABLE parent;

ALTER TABLE _dbmigrate_new_parent RENAME TO parent;
