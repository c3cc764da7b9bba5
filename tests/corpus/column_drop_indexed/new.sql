CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL,
  bio TEXT,
  avatar BLOB
);

CREATE INDEX ix_users_email ON users (email);
