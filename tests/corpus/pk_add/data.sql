INSERT INTO skus (code, description, weight) VALUES
  ('A-1', 'Schraube', 0.01), ('B''2', NULL, NULL), ('C-3', '螺丝 "M3"', 1.5), ('D-4', '', 0);
