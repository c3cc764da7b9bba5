INSERT INTO inventory (id, quantity, note) VALUES
  (1, '12', 'twelve'), (2, '0', NULL), (3, NULL, 'unknown ''?'''), (4, '-7', 'négatif'), (5, '42', '"forty two"');
