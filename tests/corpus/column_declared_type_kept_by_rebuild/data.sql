INSERT INTO events (id, happened, level, token, ratio, email, note) VALUES
  (1, '2026-12-07 23:55:00', 3, '0b9f4c1e-7d2a-4e0b-9a51-3c8e2f6d1a07', 2, 'Ann@Example.com', 'über'),
  (2, '2026-01-01', NULL, NULL, NULL, NULL, 'it''s'),
  (3, 1733615700, 0, x'00ff', 7, 'bob@example.com', NULL);
