INSERT INTO accounts (id, role, name) VALUES (1, 'admin', 'ada'), (2, 'member', 'bob');
