INSERT INTO visits (id, at, pages) VALUES
  (1, '2026-12-07 23:55:00', 3),
  (2, '2026-01-01', NULL),
  (3, 1733615700, 12);
