CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  name TEXT,
  age INTEGER
);

CREATE VIEW adults AS SELECT id, name FROM people WHERE age >= 18 AND name IS NOT NULL;
