CREATE TABLE writers ( -- @renamed from=authors
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  country TEXT,
  born DATE
);

-- PostgreSQL resolves a reference where it is declared: publishers comes before books.
CREATE TABLE publishers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  founded INTEGER CHECK (founded > 1400)
);

CREATE TABLE books (
  id INTEGER PRIMARY KEY,
  author_id INTEGER NOT NULL REFERENCES writers (id) ON DELETE CASCADE,
  publisher_id INTEGER REFERENCES publishers (id) ON DELETE SET NULL,
  title VARCHAR(200) NOT NULL,
  cover BYTEA
);

CREATE INDEX ix_books_author_id ON books (author_id);
CREATE INDEX ix_books_title ON books (title COLLATE "C");

CREATE TABLE prizes (
  id INTEGER PRIMARY KEY,
  book_id INTEGER NOT NULL REFERENCES books (id) ON DELETE CASCADE,
  name TEXT NOT NULL
);
