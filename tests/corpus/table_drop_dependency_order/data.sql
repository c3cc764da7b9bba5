INSERT INTO warehouses (id, city) VALUES (1, 'Zürich'), (2, 'Reykjavík');
INSERT INTO bins (id, warehouse_id, label) VALUES (1, 1, 'A-1'), (2, 1, NULL), (3, 2, 'Ω');
INSERT INTO stock (id, bin_id, sku, quantity) VALUES (1, 1, 'SKU''1', 10), (2, 3, 'SKU-2', 0);
INSERT INTO suppliers (id, name) VALUES (1, 'ACME'), (2, 'Ünïted "Supplies"');
