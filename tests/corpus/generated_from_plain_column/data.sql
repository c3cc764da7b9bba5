INSERT INTO t (id, a, b) VALUES (1, 5, 60), (2, 7, 80);
