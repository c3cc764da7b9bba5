INSERT INTO events (id, note) VALUES (1, 'first'), (2, NULL), (3, 'çé ''q''');
INSERT INTO events (id, note, created_at) VALUES (4, 'fixed', '2024-01-01 00:00:00');
