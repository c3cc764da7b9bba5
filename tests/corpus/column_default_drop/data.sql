INSERT INTO jobs (id, state, priority, created_at) VALUES
  (1, 'queued', 5, '2024-05-01 10:00:00'), (2, 'done', NULL, NULL), (3, 'failed: ''timeout''', 1, '2024-05-02 11:11:11');
