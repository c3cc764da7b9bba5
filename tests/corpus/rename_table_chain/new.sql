CREATE TABLE b ( -- @renamed from=a
  id INTEGER PRIMARY KEY, v TEXT);
CREATE TABLE c ( -- @renamed from=b
  id INTEGER PRIMARY KEY, w TEXT);
