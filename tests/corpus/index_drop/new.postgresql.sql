CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  happened_at TIMESTAMP NOT NULL,
  user_email TEXT,
  payload BYTEA
);
