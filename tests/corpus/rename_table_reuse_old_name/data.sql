INSERT INTO log VALUES (1, 'started'), (2, 'stopped');
