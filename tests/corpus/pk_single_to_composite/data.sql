INSERT INTO memberships (user_id, group_id, role) VALUES
  (1, 10, 'owner'), (2, 10, NULL), (3, 20, 'rédacteur'), (4, 30, 'it''s "admin"');
