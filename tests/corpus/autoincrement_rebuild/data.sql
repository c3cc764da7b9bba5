INSERT INTO tickets (subject, body) VALUES ('printer', 'on fire'), ('Drucker', NULL), ('imprimante ''HS''', '"!!"'), ('プリンター', ''), ('last', 'deleted below');
DELETE FROM tickets WHERE subject = 'last';
