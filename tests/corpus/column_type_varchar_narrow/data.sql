INSERT INTO tags (id, label, colour) VALUES
  (1, 'urgent', '#ff0000'), (2, 'später', NULL), (3, 'it''s fine', '#00ff00'), (4, '"quoted"', '#0000ff'), (5, '日本語', NULL);
