CREATE TABLE members (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL,
  email TEXT NOT NULL,
  CONSTRAINT uq_members_email UNIQUE (account_id DESC, email COLLATE NOCASE),
  CHECK (account_id > 0)
);
