-- Revision ID: 88dc2bd4244b
-- Revises: d5ba416abccc
-- Create Date: 2026-11-27 12:42:44+00:00
-- Message: ISBN and author index

-- migrate:upgrade
ALTER TABLE books ADD COLUMN isbn VARCHAR(13);

CREATE INDEX ix_books_author ON books (author);

-- migrate:downgrade
DROP INDEX ix_books_author;

-- WARNING: drops column 'books.isbn' and its data
ALTER TABLE books DROP COLUMN isbn;
