INSERT INTO people (id, name, age) VALUES (1, 'Ann', 30), (2, 'Bob', 12), (3, NULL, 40), (4, 'Zoë ''z''', 18);
