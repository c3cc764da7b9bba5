-- Revision ID: c4ead83f01e0
-- Revises:
-- Create Date: 2026-11-29 12:00:00+00:00
-- Message: parent and child

-- migrate:upgrade
CREATE TABLE parent (
    id INTEGER,
    name TEXT,
    PRIMARY KEY (id)
);

CREATE TABLE child (
    id INTEGER,
    parent_id INTEGER NOT NULL,
    note TEXT,
    PRIMARY KEY (id),
    FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE
);

-- migrate:downgrade
-- WARNING: drops table 'child' and every row in it
DROP TABLE child;

-- WARNING: drops table 'parent' and every row in it
DROP TABLE parent;
