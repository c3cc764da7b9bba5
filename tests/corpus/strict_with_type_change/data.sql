INSERT INTO items (id, qty, label) VALUES (1, 3, 'bolt'), (2, 10, 'nut'), (3, 0, NULL);
