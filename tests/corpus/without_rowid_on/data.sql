INSERT INTO kv (k, v, expires) VALUES
  ('a', X'00', NULL), ('ключ', X'FFFE', 1700000000), ('it''s', NULL, 0), ('"q"', X'', -1);
