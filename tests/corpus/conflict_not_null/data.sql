INSERT INTO profiles (id, nickname) VALUES (1, 'ada'), (2, 'anon'), (3, 'grace');
