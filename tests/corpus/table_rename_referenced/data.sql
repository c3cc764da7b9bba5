INSERT INTO teams (id, name) VALUES (1, 'Ajax'), (2, 'Bayern München'), (3, 'Olympique de Marseille');
INSERT INTO players (id, team_id, name) VALUES
  (1, 1, 'Johan'), (2, 1, 'Marco'), (3, 2, 'Müller'), (4, 3, 'Zinédine'), (5, NULL, 'Free ''agent''');
