INSERT INTO notes (id, body, pinned) VALUES
  (1, 'first', 1), (2, 'zweite ''Notiz''', NULL), (3, '第三', 1), (4, '"four"', 0);
