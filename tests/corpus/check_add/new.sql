CREATE TABLE shipments (
  id INTEGER PRIMARY KEY,
  weight_kg REAL NOT NULL,
  status TEXT NOT NULL DEFAULT 'new',
  CONSTRAINT ck_shipments_weight CHECK (weight_kg > 0),
  CHECK (status IN ('new', 'sent', 'lost ''forever'''))
);
