INSERT INTO author VALUES (1, 'Ursula K. Le Guin'), (2, 'Stanisław Lem');
INSERT INTO book VALUES (10, 'The Dispossessed', 1), (11, 'Solaris', 2), (12, 'Lathe of Heaven', 1);
