CREATE TABLE readings (
  id INTEGER PRIMARY KEY,
  taken TIMESTAMP NOT NULL,
  level INT,
  ratio INTEGER,
  body text
);
CREATE INDEX ix_readings_taken ON readings (taken);
