INSERT INTO staff (id, manager_id, name) VALUES
  (1, NULL, 'CEO'), (2, 1, 'CTO'), (3, 2, 'Dev ''lead'''), (4, 3, 'Zoë'), (5, 3, 'Ümit');
