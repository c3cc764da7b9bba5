CREATE TABLE invoices (
  id INTEGER PRIMARY KEY,
  total_cents INTEGER, -- @renamed from=total
  customer TEXT NOT NULL
);
