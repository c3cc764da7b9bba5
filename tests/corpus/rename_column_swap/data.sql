INSERT INTO point (id, x, y) VALUES (1, 15, 'fifteen'), (2, 0, 'zero');
