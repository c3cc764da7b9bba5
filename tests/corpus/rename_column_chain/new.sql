CREATE TABLE t (
  id INTEGER PRIMARY KEY,
  b TEXT, -- @renamed from=a
  c TEXT -- @renamed from=b
);
