CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL,
  bio TEXT,
  avatar BYTEA
);

CREATE INDEX ix_users_email ON users (email);
