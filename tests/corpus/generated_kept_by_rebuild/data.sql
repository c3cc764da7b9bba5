INSERT INTO products (id, name, price_cents) VALUES (1, 'Blue Mug', 1250), (2, 'Tea Pot', 3000);
