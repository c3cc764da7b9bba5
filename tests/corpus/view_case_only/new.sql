CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  name TEXT,
  age INTEGER
);

create view adults as select id, name from people where age >= 18 and name is not null;
