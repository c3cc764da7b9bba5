-- Revision ID: d5ba416abccc
-- Revises:
-- Create Date: 2026-11-27 12:42:42+00:00
-- Message: Initial migration

-- migrate:upgrade
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    author TEXT NOT NULL,
    published INTEGER
);

CREATE TABLE members (
    id INTEGER NOT NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (email)
);

-- migrate:downgrade
-- WARNING: drops table 'members' and every row in it
DROP TABLE members;

-- WARNING: drops table 'books' and every row in it
DROP TABLE books;
