CREATE TABLE readings (
  id INTEGER PRIMARY KEY,
  sensor TEXT NOT NULL,
  value REAL,
  raw BLOB,
  note ANY
) STRICT;
CREATE INDEX readings_sensor ON readings (sensor);
