INSERT INTO settings (id, key, value) VALUES (1, 'theme', 'dark'), (2, 'lang', 'fr'), (3, 'tz', NULL);
