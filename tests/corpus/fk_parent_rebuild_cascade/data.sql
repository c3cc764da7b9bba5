INSERT INTO customers (id, name, vip) VALUES (1, 'Ångström AB', 1), (2, 'O''Reilly', 0), (3, '"Quoted" Ltd', 0);
INSERT INTO orders (id, customer_id, placed_at) VALUES (1, 1, '2024-01-01'), (2, 1, NULL), (3, 2, '2024-03-03'), (4, 3, '2024-04-04');
INSERT INTO order_items (id, order_id, sku, quantity) VALUES
  (1, 1, 'A', 1), (2, 1, 'B', 2), (3, 2, 'C', 3), (4, 3, 'Ü', 1), (5, 4, 'D''E', 9), (6, 4, 'F', 1);
