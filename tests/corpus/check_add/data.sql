INSERT INTO shipments (id, weight_kg, status) VALUES (1, 0.5, 'new'), (2, 12.25, 'sent'), (3, 1e3, 'lost ''forever''');
