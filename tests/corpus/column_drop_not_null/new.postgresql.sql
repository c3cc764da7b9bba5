CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT,
  name TEXT,
  bio TEXT,
  avatar BYTEA
);
