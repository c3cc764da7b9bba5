INSERT INTO items (id, a, note) VALUES (1, 1, 'one'), (2, 2, NULL), (3, NULL, 'çé ''q''');
