INSERT INTO clients (id, email, name) VALUES
  (1, 'a@example.com', 'Ann'), (2, 'b@example.com', NULL), (3, 'ç@example.com', 'Çağrı ''Ç'''), (4, 'd@example.com', '"D"');
