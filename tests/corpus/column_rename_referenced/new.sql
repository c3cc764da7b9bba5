CREATE TABLE countries (
  iso_code CHAR(2) NOT NULL PRIMARY KEY, -- @renamed from=code
  name TEXT NOT NULL
);

CREATE TABLE cities (
  id INTEGER PRIMARY KEY,
  country_code CHAR(2) NOT NULL REFERENCES countries (iso_code) ON DELETE CASCADE ON UPDATE CASCADE, -- @renamed from=country
  name TEXT NOT NULL
);

CREATE INDEX ix_cities_country ON cities (country_code);
