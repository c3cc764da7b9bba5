-- Second version: an ISBN column, an index on authors, a year stored as a bigint.
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    author TEXT NOT NULL,
    published BIGINT,
    isbn VARCHAR(13)
);
CREATE INDEX ix_books_author ON books (author);
CREATE TABLE members (
    id INTEGER NOT NULL PRIMARY KEY,
    full_name TEXT NOT NULL, -- @renamed from=name
    email TEXT NOT NULL UNIQUE
);
