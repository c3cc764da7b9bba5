INSERT INTO ranges (id, a, b) VALUES (1, 2, 1), (2, NULL, 5), (3, 10, -1);
