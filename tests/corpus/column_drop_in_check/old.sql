CREATE TABLE prices (
  id INTEGER PRIMARY KEY,
  amount NUMERIC(10,2) NOT NULL,
  discount NUMERIC(10,2),
  currency CHAR(3) NOT NULL DEFAULT 'EUR',
  CONSTRAINT ck_prices_discount CHECK (discount IS NULL OR discount <= amount)
);
