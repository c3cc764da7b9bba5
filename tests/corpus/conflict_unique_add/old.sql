CREATE TABLE settings (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  value TEXT
);
