-- Revision ID: 00de9bd69d9a
-- Revises: 88dc2bd4244b
-- Create Date: 2026-11-27 12:42:46+00:00
-- Message: Loans

-- migrate:upgrade
CREATE TABLE loans (
    id INTEGER NOT NULL,
    book_id INTEGER NOT NULL,
    member_id INTEGER NOT NULL,
    due TEXT NOT NULL DEFAULT (date('now', '+14 days')),
    PRIMARY KEY (id),
    FOREIGN KEY (book_id) REFERENCES books (id) ON DELETE CASCADE,
    FOREIGN KEY (member_id) REFERENCES members (id)
);

-- migrate:downgrade
-- WARNING: drops table 'loans' and every row in it
DROP TABLE loans;
