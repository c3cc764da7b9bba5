CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT collate nocase,
  name TEXT
);

CREATE INDEX ix_users_name ON users (name collate Nocase);
