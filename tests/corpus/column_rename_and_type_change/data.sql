INSERT INTO invoices (id, total, customer) VALUES
  (1, '1999', 'Åsa'), (2, NULL, 'Bo ''the'' builder'), (3, '0', '"ACME"'), (4, '250', '中文');
