CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  happened_at TIMESTAMP NOT NULL,
  user_email TEXT,
  payload BYTEA
);

CREATE INDEX ix_events_lower_email ON events (lower(user_email));
CREATE INDEX ix_events_day ON events (date(happened_at), kind);
