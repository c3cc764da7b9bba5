CREATE TABLE shipments (
  id INTEGER PRIMARY KEY,
  weight_kg REAL NOT NULL,
  status TEXT NOT NULL DEFAULT 'new'
);
