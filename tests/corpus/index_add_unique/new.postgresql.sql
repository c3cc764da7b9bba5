CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  happened_at TIMESTAMP NOT NULL,
  user_email TEXT,
  payload BYTEA
);

CREATE UNIQUE INDEX uq_events_happened_at ON events (happened_at);
