CREATE TABLE authors (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  country TEXT
);

CREATE TABLE books (
  id INTEGER PRIMARY KEY,
  author_id INTEGER NOT NULL REFERENCES authors (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  cover BYTEA
);

CREATE INDEX ix_books_author_id ON books (author_id);

CREATE TABLE publishers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL
);

CREATE TABLE legacy_stats (
  id INTEGER PRIMARY KEY,
  hits INTEGER
);
