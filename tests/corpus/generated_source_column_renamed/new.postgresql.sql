CREATE TABLE boxes (
  id INTEGER PRIMARY KEY,
  width REAL NOT NULL, -- @renamed from=w
  h REAL NOT NULL,
  area REAL GENERATED ALWAYS AS (width * h) STORED
);
