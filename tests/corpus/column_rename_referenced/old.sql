CREATE TABLE countries (
  code CHAR(2) NOT NULL PRIMARY KEY,
  name TEXT NOT NULL
);

CREATE TABLE cities (
  id INTEGER PRIMARY KEY,
  country CHAR(2) NOT NULL REFERENCES countries (code) ON DELETE CASCADE ON UPDATE CASCADE,
  name TEXT NOT NULL
);

CREATE INDEX ix_cities_country ON cities (country);
