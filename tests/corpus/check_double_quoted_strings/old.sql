CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  "role" TEXT NOT NULL CHECK ("role" IN ("admin", "member")),
  name VARCHAR(40),
  badge TEXT AS ("@" || name)
);
CREATE INDEX accounts_admins ON accounts (name) WHERE "role" = "admin";
