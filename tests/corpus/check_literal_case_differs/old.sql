CREATE TABLE grades (
  id INTEGER PRIMARY KEY,
  grade TEXT CHECK (grade <> 'A')
);
