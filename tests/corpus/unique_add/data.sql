INSERT INTO seats (id, hall, row_label, number) VALUES
  (1, 'Große Halle', 'A', 1), (2, 'Große Halle', 'A', 2), (3, 'Große Halle', 'B', 1), (4, 'Salle ''Rouge''', 'A', 1);
