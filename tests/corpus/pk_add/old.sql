CREATE TABLE skus (
  code TEXT NOT NULL,
  description TEXT,
  weight REAL
);
