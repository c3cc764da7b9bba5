-- PostgreSQL's INTEGER is 32-bit: its extremes, widened to BIGINT by the upgrade.
INSERT INTO counters (id, name, hits) VALUES
  (1, 'home', 2147483647), (2, 'über', 0), (3, 'it''s', -2147483648), (4, '"q"', 7);
