INSERT INTO profiles (id, nick, lang) VALUES
  (1, 'neo', 'en'), (2, 'trinity', 'fr'), (3, 'morphée', 'fr'), (4, 'o''reilly', 'ga');
