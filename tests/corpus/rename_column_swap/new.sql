CREATE TABLE point (
  id INTEGER PRIMARY KEY,
  y INTEGER NOT NULL, -- @renamed from=x
  x TEXT NOT NULL -- @renamed from=y
);
