INSERT INTO readings (id, sensor, value, raw, note) VALUES
  (1, 'north', 12.5, X'00FF', 'calibrated'),
  (2, 'south', -3.0, NULL, 42),
  (3, 'east', NULL, X'', NULL),
  (4, 'west', 7, X'0102', 1.5);
