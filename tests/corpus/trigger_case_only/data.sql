INSERT INTO notes (id, body) VALUES (1, 'a'), (2, NULL), (3, 'çé ''q''');
