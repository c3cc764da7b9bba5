CREATE TABLE skus (
  code TEXT NOT NULL PRIMARY KEY,
  description TEXT,
  weight REAL
);
