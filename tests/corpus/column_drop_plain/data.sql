INSERT INTO users (id, email, name, bio, avatar) VALUES
  (1, 'ada@example.com', 'Ada Lovelace', NULL, X'89504E470D0A1A0A'),
  (2, 'obrien@example.com', 'Seán O''Brien', 'says "hi" and ''bye''', NULL),
  (3, 'zoe@example.com', 'Zoë Ünïcødé 日本語', 'émoji 🎉 party', X''),
  (4, 'nobody@example.com', NULL, '', X'00FF00FF'),
  (5, 'semi;colon@example.com', 'Robert''); DROP TABLE users;--', 'line1
line2', X'DEADBEEF');
