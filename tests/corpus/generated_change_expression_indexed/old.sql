CREATE TABLE lines (
  id INTEGER PRIMARY KEY,
  qty INTEGER NOT NULL,
  unit_price REAL NOT NULL,
  total REAL GENERATED ALWAYS AS (qty * unit_price) STORED,
  CHECK (total >= 0)
);
CREATE INDEX lines_total ON lines (total);
CREATE INDEX lines_big ON lines (qty) WHERE total > 10;
