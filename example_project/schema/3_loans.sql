-- Third version: loans of books to members.
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
    full_name TEXT NOT NULL,
    email TEXT NOT NULL UNIQUE
);
CREATE TABLE loans (
    id INTEGER NOT NULL PRIMARY KEY,
    book_id INTEGER NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES members (id),
    due TEXT NOT NULL DEFAULT (date('now', '+14 days'))
);
CREATE VIEW overdue AS SELECT loans.id, books.title, members.full_name FROM loans
    JOIN books ON books.id = loans.book_id JOIN members ON members.id = loans.member_id
    WHERE loans.due < date('now');
