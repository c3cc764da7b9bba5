INSERT INTO a VALUES (1, 'in a');
INSERT INTO b VALUES (7, 'in b');
