CREATE TABLE members (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL,
  email TEXT NOT NULL,
  UNIQUE (account_id, email)
);
