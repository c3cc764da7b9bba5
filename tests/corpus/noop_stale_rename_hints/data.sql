INSERT INTO customers (id, full_name, email) VALUES (1, 'Ann', NULL), (2, 'Bö ''B''', 'b@example.com');
