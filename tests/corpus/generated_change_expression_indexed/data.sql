INSERT INTO lines (id, qty, unit_price) VALUES (1, 2, 1.5), (2, 10, 0.25), (3, 0, 9.99), (4, 7, 3.0);
