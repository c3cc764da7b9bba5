CREATE TABLE readings (
  id INTEGER PRIMARY KEY,
  taken DATETIME NOT NULL,
  level MEDIUMINT,
  ratio FLOATING POINT,
  body CLOB
);
CREATE INDEX ix_readings_taken ON readings (taken);
