INSERT INTO prices (id, amount, discount, currency) VALUES
  (1, 10.00, 1.50, 'EUR'), (2, 99.99, NULL, 'USD'), (3, 0, 0, 'JPY'), (4, 5.25, 5.25, 'CHF');
