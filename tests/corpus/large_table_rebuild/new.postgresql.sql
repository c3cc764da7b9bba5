CREATE TABLE measurements (
  id INTEGER PRIMARY KEY,
  sensor VARCHAR(32) NOT NULL,
  value DOUBLE PRECISION,
  raw BYTEA,
  note TEXT COLLATE "C",
  CHECK (sensor <> '')
);

CREATE TABLE annotations (
  id INTEGER PRIMARY KEY,
  measurement_id INTEGER NOT NULL REFERENCES measurements (id) ON DELETE CASCADE,
  label TEXT
);

CREATE INDEX ix_measurements_sensor ON measurements (sensor, value);
