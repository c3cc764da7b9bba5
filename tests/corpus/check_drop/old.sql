CREATE TABLE grades (
  id INTEGER PRIMARY KEY,
  student TEXT NOT NULL,
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
  CONSTRAINT ck_grades_student CHECK (length(student) > 0)
);
