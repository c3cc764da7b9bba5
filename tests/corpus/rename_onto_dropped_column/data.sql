INSERT INTO account (id, email, email_old) VALUES (1, 'new@example.org', 'old@example.org'), (2, NULL, 'x');
