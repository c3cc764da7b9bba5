-- Revision ID: 1a2b3c4d5e6f
-- Revises:
-- Create Date: 2026-11-24 10:00:00+00:00
-- Message: initial

-- migrate:upgrade
CREATE TABLE t (id INTEGER PRIMARY KEY);

-- migrate:downgrade
DROP TABLE t;
