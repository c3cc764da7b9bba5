CREATE TABLE lines (
  id INTEGER PRIMARY KEY,
  qty INTEGER NOT NULL,
  unit_price REAL NOT NULL,
  total REAL GENERATED ALWAYS AS (qty * unit_price) STORED
);
CREATE INDEX lines_total ON lines (total);
