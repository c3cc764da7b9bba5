CREATE TABLE jobs (
  id INTEGER PRIMARY KEY,
  state TEXT NOT NULL,
  priority INTEGER,
  created_at TIMESTAMP
);
