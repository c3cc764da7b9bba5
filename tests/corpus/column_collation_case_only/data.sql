INSERT INTO users (id, email, name) VALUES
  (1, 'Ann@Example.com', 'Ann'),
  (2, 'bob@example.com', NULL),
  (3, NULL, 'Çé ''q''');
