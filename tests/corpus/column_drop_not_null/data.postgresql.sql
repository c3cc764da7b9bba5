INSERT INTO users (id, email, name, bio, avatar) VALUES
  (1, 'ada@example.com', 'Ada Lovelace', NULL, '\x89504E470D0A1A0A'),
  (2, 'obrien@example.com', 'Seán O''Brien', 'says "hi" and ''bye''', NULL),
  (3, 'zoe@example.com', 'Zoë Ünïcødé 日本語', 'émoji 🎉 party', '\x'),
  (4, 'nobody@example.com', NULL, '', '\x00FF00FF'),
  (5, 'semi;colon@example.com', 'Robert''); DROP TABLE users;--', 'line1
line2', '\xDEADBEEF');
