CREATE TABLE authors (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  country TEXT
);

CREATE TABLE books (
  id INTEGER PRIMARY KEY,
  author_id INTEGER NOT NULL REFERENCES authors (id) ON DELETE RESTRICT ON UPDATE CASCADE,
  title TEXT NOT NULL,
  cover BYTEA
);

CREATE INDEX ix_books_author_id ON books (author_id);

CREATE TABLE loans (
  id INTEGER PRIMARY KEY,
  book_id INTEGER REFERENCES books (id) ON DELETE CASCADE,
  borrower TEXT NOT NULL
);
