CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  happened_at TIMESTAMP NOT NULL,
  user_email TEXT,
  payload BYTEA
);

CREATE INDEX ix_events_recent ON events (happened_at DESC, id);
CREATE INDEX ix_events_email_nocase ON events (user_email COLLATE "C" DESC);
