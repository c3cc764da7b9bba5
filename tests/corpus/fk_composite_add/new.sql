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
  copies INTEGER,
  CONSTRAINT fk_printings_edition FOREIGN KEY (book_code, edition) REFERENCES editions (book_code, edition) ON DELETE CASCADE
);
