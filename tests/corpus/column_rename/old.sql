CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  fullname TEXT NOT NULL,
  born DATE
);

CREATE INDEX ix_people_fullname ON people (fullname);
