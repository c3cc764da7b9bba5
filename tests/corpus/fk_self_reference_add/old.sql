CREATE TABLE staff (
  id INTEGER PRIMARY KEY,
  manager_id INTEGER,
  name TEXT NOT NULL
);
