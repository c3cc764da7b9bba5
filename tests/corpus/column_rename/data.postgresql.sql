INSERT INTO people (id, fullname, born) VALUES
  (1, 'Ada Lovelace', '1815-12-10'), (2, 'Ōtani Shōhei', NULL), (3, 'Miles O''Brien', '2328-09-17'), (4, '"Unknown"', '0001-01-01');
