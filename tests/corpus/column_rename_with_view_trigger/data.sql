INSERT INTO accounts (id, balance, owner) VALUES (1, 500, 'Ann'), (2, 5000, 'Bört'), (3, 0, NULL), (4, 99999, 'O''Neil');
UPDATE accounts SET balance = 600 WHERE id = 1;
