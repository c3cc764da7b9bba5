INSERT INTO files (id, name, data) VALUES
  (1, 'a.bin', x'00ff10'),
  (2, 'über.txt', NULL),
  (3, 'it''s', x'');
