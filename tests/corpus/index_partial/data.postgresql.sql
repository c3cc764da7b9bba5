INSERT INTO events (id, kind, happened_at, user_email, payload) VALUES
  (1, 'login', '2024-01-01 08:00:00', 'Ann@Example.com', '\x01'),
  (2, 'logout', '2024-01-01 09:00:00', 'ann@example.com', NULL),
  (3, 'login', '2024-01-02 08:30:00', NULL, '\x'),
  (4, 'purchase', '2024-01-03 12:00:00', 'bob@example.com', '\x7B7D'),
  (5, 'note ''x''', '2024-01-04 00:00:00', 'çé@example.com', NULL);
