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

CREATE TABLE reviews (
  id INTEGER PRIMARY KEY,
  book_id INTEGER NOT NULL REFERENCES books (id) ON DELETE CASCADE,
  stars INTEGER NOT NULL DEFAULT 3 CHECK (stars BETWEEN 1 AND 5),
  body TEXT
);

CREATE INDEX ix_reviews_book_id ON reviews (book_id);
