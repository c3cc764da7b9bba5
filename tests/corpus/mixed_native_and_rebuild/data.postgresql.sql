INSERT INTO users (id, email, name, bio, avatar) VALUES
  (1, 'ada@example.com', 'Ada Lovelace', NULL, '\x89504E470D0A1A0A'),
  (2, 'obrien@example.com', 'Seán O''Brien', 'says "hi" and ''bye''', NULL),
  (3, 'zoe@example.com', 'Zoë Ünïcødé 日本語', 'émoji 🎉 party', '\x'),
  (4, 'nobody@example.com', NULL, '', '\x00FF00FF'),
  (5, 'semi;colon@example.com', 'Robert''); DROP TABLE users;--', 'line1
line2', '\xDEADBEEF');
INSERT INTO authors (id, name, country) VALUES
  (1, 'Fyodor Dostoyevsky', 'Россия'),
  (2, 'Murasaki Shikibu', '日本'),
  (3, 'Flann O''Brien', 'Éire'),
  (4, 'Anonymous "Anon"', '');
INSERT INTO books (id, author_id, title, cover) VALUES
  (10, 1, 'Преступление и наказание', '\xCAFEBABE'),
  (11, 1, 'The Idiot', NULL),
  (12, 2, '源氏物語', '\x00'),
  (13, 3, 'The Third Policeman', NULL),
  (14, 3, 'At Swim-Two-Birds', '\x'),
  (15, 4, 'It''s "untitled"', NULL);
