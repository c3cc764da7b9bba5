CREATE TABLE jobs (
  id INTEGER PRIMARY KEY,
  state TEXT NOT NULL DEFAULT 'queued',
  priority INTEGER DEFAULT 5,
  created_at TIMESTAMP DEFAULT now()
);
