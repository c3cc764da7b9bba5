CREATE TABLE counters (
  id INTEGER PRIMARY KEY,
  label TEXT,
  step INTEGER NOT NULL DEFAULT (abs(-1))
);
