CREATE TABLE vouchers (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL,
  batch TEXT,
  value INTEGER
);

CREATE TABLE redemptions (
  id INTEGER PRIMARY KEY,
  voucher_id INTEGER NOT NULL REFERENCES vouchers (id) ON DELETE CASCADE,
  redeemed_at TIMESTAMP
);
