INSERT INTO boxes (id, w, h) VALUES (1, 2.0, 3.0), (2, 0.5, 4.0);
