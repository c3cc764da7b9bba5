INSERT INTO listings (id, title, price, status) VALUES
  (1, 'Fahrrad', 120, 'live'), (2, 'Sofa "Klippan"', NULL, 'draft'), (3, 'L''Avventura DVD', 5, 'live'), (4, '自転車', 0, 'sold');
