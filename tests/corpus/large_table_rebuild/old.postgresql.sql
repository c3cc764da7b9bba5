CREATE TABLE measurements (
  id INTEGER PRIMARY KEY,
  sensor TEXT NOT NULL,
  value REAL,
  raw BYTEA,
  note TEXT
);

CREATE TABLE annotations (
  id INTEGER PRIMARY KEY,
  measurement_id INTEGER NOT NULL REFERENCES measurements (id) ON DELETE CASCADE,
  label TEXT
);

CREATE INDEX ix_measurements_sensor ON measurements (sensor);
