CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  first TEXT NOT NULL,
  last TEXT NOT NULL,
  full_name TEXT GENERATED ALWAYS AS (upper(last) || ', ' || first) STORED
);
