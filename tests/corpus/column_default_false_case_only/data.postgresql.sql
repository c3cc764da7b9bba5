INSERT INTO flags (id, name) VALUES (1, 'a'), (2, NULL);
INSERT INTO flags (id, name, active) VALUES (3, 'naïve', true);
