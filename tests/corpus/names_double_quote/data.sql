INSERT INTO "say ""hi""" ("id", "a""b", "it's") VALUES (1, 'x"y', 1), (2, '''', NULL), (3, 'ünï', 3);
