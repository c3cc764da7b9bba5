INSERT INTO t (id, a, b) VALUES (1, 'from a', 'from b'), (2, NULL, 'b only'), (3, 'a only', NULL);
