INSERT INTO projects (id, code, title) VALUES (1, 'NONE', 'no project'), (2, 'APOLLO', 'Apollo ''11'''), (3, 'GEMINI', 'Gémeaux');
INSERT INTO tasks (id, project_id, title) VALUES (1, 2, 'launch'), (2, 2, 'land'), (3, 3, 'orbit'), (4, NULL, 'backlog');
INSERT INTO task_owner (task_id, project_code, owner) VALUES (1, 'APOLLO', 'Neil'), (2, 'APOLLO', 'Buzz'), (3, 'GEMINI', 'Gus'), (4, NULL, '"tbd"');
