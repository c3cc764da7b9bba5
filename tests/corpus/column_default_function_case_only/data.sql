INSERT INTO counters (id, label) VALUES (1, 'x'), (2, NULL);
INSERT INTO counters (id, label, step) VALUES (3, 'it''s', 5);
