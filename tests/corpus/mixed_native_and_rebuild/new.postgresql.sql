CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL,
  name TEXT,
  about TEXT, -- @renamed from=bio
  avatar BYTEA,
  locale TEXT DEFAULT 'en'
);

CREATE TABLE authors (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  country TEXT NOT NULL DEFAULT '??'
);

CREATE TABLE books (
  id INTEGER PRIMARY KEY,
  author_id INTEGER NOT NULL REFERENCES authors (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  cover BYTEA
);

CREATE INDEX ix_books_author_title ON books (author_id, title);

CREATE UNIQUE INDEX ix_users_email ON users (email);
