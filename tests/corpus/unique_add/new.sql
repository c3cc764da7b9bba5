CREATE TABLE seats (
  id INTEGER PRIMARY KEY,
  hall TEXT NOT NULL,
  row_label TEXT NOT NULL,
  number INTEGER NOT NULL,
  CONSTRAINT uq_seats_place UNIQUE (hall, row_label, number)
);
