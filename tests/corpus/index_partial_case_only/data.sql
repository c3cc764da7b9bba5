INSERT INTO jobs (id, a, b) VALUES (1, 'x', NULL), (2, 'y', 'done'), (3, NULL, NULL), (4, 'é''', X'00');
