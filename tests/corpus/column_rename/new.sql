CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  full_name TEXT NOT NULL, -- @renamed from=fullname
  born DATE
);

CREATE INDEX ix_people_fullname ON people (full_name);
