INSERT INTO vendors (id, name, rating) VALUES (1, 'Müller GmbH', '5'), (2, 'O''Hara & Sons', NULL), (3, '株式会社', '3');
INSERT INTO contracts (id, vendor_id, title) VALUES (1, 1, 'Rahmenvertrag'), (2, 1, NULL), (3, 2, '"Gold"'), (4, 3, '契約');
