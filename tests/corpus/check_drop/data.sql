INSERT INTO grades (id, student, score) VALUES (1, 'Ana', 100), (2, 'Björn', 0), (3, 'D''Arcy', 55), (4, '学生', 73);
