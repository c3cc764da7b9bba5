CREATE TABLE inventory (
  id INTEGER PRIMARY KEY,
  quantity TEXT,
  note TEXT
);
