INSERT INTO Users VALUES (1, 'Ada'), (2, 'Grace');
INSERT INTO posts VALUES (10, 1), (11, 2);
