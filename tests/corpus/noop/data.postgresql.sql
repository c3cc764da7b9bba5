INSERT INTO authors (id, name, country) VALUES
  (1, 'Fyodor Dostoyevsky', 'Россия'),
  (2, 'Murasaki Shikibu', '日本'),
  (3, 'Flann O''Brien', NULL),
  (4, 'Anonymous "Anon"', '');
INSERT INTO books (id, author_id, title, cover) VALUES
  (10, 1, 'Преступление и наказание', '\xCAFEBABE'),
  (11, 1, 'The Idiot', NULL),
  (12, 2, '源氏物語', '\x00'),
  (13, 3, 'The Third Policeman', NULL),
  (14, 3, 'At Swim-Two-Birds', '\x'),
  (15, 4, 'It''s "untitled"', NULL);
INSERT INTO notes (id, body, pinned) VALUES
  (1, 'first', 1), (2, 'zweite ''Notiz''', NULL), (3, '第三', 1), (4, '"four"', 0);
INSERT INTO kv (k, v, expires) VALUES
  ('a', '\x00', NULL), ('ключ', '\xFFFE', 1700000000), ('it''s', NULL, 0), ('"q"', '\x', -1);
INSERT INTO "odd ""names""" ("id", "ünï") VALUES (1, 'a'), (2, NULL), (3, 'b''c');
