CREATE TABLE parent (
  pk INTEGER PRIMARY KEY, -- @renamed from=id
  name TEXT NOT NULL
);
CREATE TABLE child (
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES parent (pk) ON DELETE CASCADE
);
