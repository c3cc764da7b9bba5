INSERT INTO grades (id, grade) VALUES (1, 'B'), (2, NULL), (3, 'ç''');
