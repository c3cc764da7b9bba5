CREATE TABLE invoices (
  id INTEGER PRIMARY KEY,
  total TEXT,
  customer TEXT NOT NULL
);
