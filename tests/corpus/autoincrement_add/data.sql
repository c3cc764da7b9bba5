INSERT INTO receipts (id, amount) VALUES (1, 9.99), (2, 0), (7, 100.5), (40, -3);
