CREATE TABLE vendors (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  rating TEXT
);

CREATE TABLE contracts (
  id INTEGER PRIMARY KEY,
  vendor_id INTEGER NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
  title TEXT
);

CREATE INDEX ix_vendors_name ON vendors (name);
