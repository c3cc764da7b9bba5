INSERT INTO categories (id, parent_id, name) VALUES
  (1, NULL, 'Root'), (2, 1, 'Bücher'), (3, 2, 'Romane ''klassisch'''), (4, 3, '日本文学'), (5, 1, 'Music "live"'), (6, 5, 'Jazz');
