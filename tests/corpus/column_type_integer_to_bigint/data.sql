INSERT INTO counters (id, name, hits) VALUES
  (1, 'home', 9223372036854775807), (2, 'über', 0), (3, 'it''s', -9223372036854775808), (4, '"q"', 2147483648);
