CREATE TABLE readings (
  id INTEGER PRIMARY KEY,
  sensor TEXT NOT NULL,
  value REAL,
  raw BLOB,
  note ANY
);
CREATE INDEX readings_sensor ON readings (sensor);
