CREATE TABLE log_archive ( -- @renamed from=log
  id INTEGER PRIMARY KEY, line TEXT);
CREATE TABLE log (id INTEGER PRIMARY KEY, line TEXT, level INTEGER);
