INSERT INTO settings (key, value, updated_at) VALUES
  ('theme', 'dark', '2024-01-01 00:00:00'), ('läng', NULL, NULL), ('quote''s', '"x"', '2024-02-29 12:00:00');
