INSERT INTO contacts (id, email, phone) VALUES (1, 'a@x.org', '555-0100'), (2, 'b@x.org', NULL);
