INSERT INTO vouchers (id, code, batch, value) VALUES
  (1, 'WELCOME10', 'b1', 10), (2, 'SOMMER''24', 'b1', 20), (3, 'ÉTÉ', NULL, NULL), (4, 'X"Y', NULL, NULL);
INSERT INTO redemptions (id, voucher_id, redeemed_at) VALUES (1, 1, '2024-06-01'), (2, 1, NULL), (3, 3, '2024-07-14');
