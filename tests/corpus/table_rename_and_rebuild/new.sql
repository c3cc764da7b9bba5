CREATE TABLE suppliers ( -- @renamed from=vendors
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  rating INTEGER,
  CHECK (rating IS NULL OR rating BETWEEN 1 AND 5)
);

CREATE TABLE contracts (
  id INTEGER PRIMARY KEY,
  vendor_id INTEGER NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
  title TEXT
);

CREATE INDEX ix_vendors_name ON suppliers (name);
