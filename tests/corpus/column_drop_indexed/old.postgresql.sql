CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL,
  name TEXT,
  bio TEXT,
  avatar BYTEA
);

CREATE INDEX ix_users_name ON users (name);
CREATE INDEX ix_users_email ON users (email);
