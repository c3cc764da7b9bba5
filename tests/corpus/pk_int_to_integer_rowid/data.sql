INSERT INTO tags (id, label) VALUES (10, 'red'), (20, 'grün'), (30, 'it''s');
