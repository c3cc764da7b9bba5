CREATE TABLE items (
  id INTEGER PRIMARY KEY,
  a INTEGER check (a in (1, 2)),
  note TEXT
);
