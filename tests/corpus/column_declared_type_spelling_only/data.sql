INSERT INTO readings (id, taken, level, ratio, body) VALUES
  (1, '2026-12-07 23:55:00', 3, 2, 'über'),
  (2, '2026-01-01', NULL, NULL, 'it''s'),
  (3, 1733615700, -1, 0, NULL);
