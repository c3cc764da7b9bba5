INSERT INTO events (id, kind, at) VALUES (1, 'open', 100), (2, 'close', 200), (7, 'open', 700);
