INSERT INTO members (id, account_id, email) VALUES
  (1, 7, 'ann@example.com'),
  (2, 8, 'ANN@example.com'),
  (3, 7, 'zoë@example.com'),
  (4, 7, 'o''brien@example.com');
