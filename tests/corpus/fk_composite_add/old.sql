CREATE TABLE editions (
  book_code TEXT NOT NULL,
  edition INTEGER NOT NULL,
  published DATE,
  PRIMARY KEY (book_code, edition)
);

CREATE TABLE printings (
  id INTEGER PRIMARY KEY,
  book_code TEXT NOT NULL,
  edition INTEGER NOT NULL,
  copies INTEGER
);
