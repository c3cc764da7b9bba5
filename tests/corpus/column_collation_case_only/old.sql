CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT COLLATE NOCASE,
  name TEXT
);

CREATE INDEX ix_users_name ON users (name COLLATE NOCASE);
