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
