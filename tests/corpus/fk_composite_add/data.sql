INSERT INTO editions (book_code, edition, published) VALUES ('DQ', 1, '1605-01-16'), ('DQ', 2, NULL), ('Ü''B', 1, '1900-01-01');
INSERT INTO printings (id, book_code, edition, copies) VALUES (1, 'DQ', 1, 500), (2, 'DQ', 1, NULL), (3, 'DQ', 2, 1000), (4, 'Ü''B', 1, 7);
