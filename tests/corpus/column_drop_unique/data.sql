INSERT INTO products (id, sku, legacy_code, name, price) VALUES
  (1, 'P-1', 'L1', 'Kaffee ☕', 3.50), (2, 'P-2', NULL, 'Tea "Earl Grey"', 2.25), (3, 'P-3', 'L''3', 'Crème brûlée', NULL);
INSERT INTO order_lines (id, product_id, quantity) VALUES (1, 1, 2), (2, 1, 1), (3, 2, 5), (4, 3, 1);
