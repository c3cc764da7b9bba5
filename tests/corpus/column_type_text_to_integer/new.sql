CREATE TABLE inventory (
  id INTEGER PRIMARY KEY,
  quantity INTEGER,
  note TEXT
);
