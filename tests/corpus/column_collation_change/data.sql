INSERT INTO members (id, handle, motto) VALUES
  (1, 'Alice', 'carpe diem  '), (2, 'bob', NULL), (3, 'ÉMILE', 'l''état, c''est moi'), (4, 'dave', '"quoted"');
