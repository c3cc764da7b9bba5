INSERT INTO users (id, name, pinned_post_id) VALUES (1, 'ann', NULL), (2, 'bört', NULL), (3, 'c''d', NULL);
INSERT INTO posts (id, author_id, body) VALUES (1, 1, 'hello'), (2, 1, 'wörld "2"'), (3, 2, '日本'), (4, 3, 'it''s');
UPDATE users SET pinned_post_id = 2 WHERE id = 1;
UPDATE users SET pinned_post_id = 3 WHERE id = 2;
