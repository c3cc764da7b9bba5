INSERT INTO prices (id) VALUES (1);
INSERT INTO prices (id, factor) VALUES (2, NULL), (3, 2.5);
