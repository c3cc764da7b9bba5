INSERT INTO accounts (id, email, seen, visits) VALUES
  (1, 'ann@example.com', '2026-12-07 23:55:00', 3),
  (2, 'zoë@example.com', NULL, NULL),
  (3, 'o''brien@example.com', '2026-01-01 00:00:00', 0);
