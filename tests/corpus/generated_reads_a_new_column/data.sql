INSERT INTO t (id, a) VALUES (1, 5), (2, NULL);
