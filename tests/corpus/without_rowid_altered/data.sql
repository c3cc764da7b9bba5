INSERT INTO kv (k, v, expires) VALUES
  ('a', X'00', NULL), ('ключ', X'FFFE', 1700000000), ('it''s', X'01', 0), ('"q"', X'', -1);
