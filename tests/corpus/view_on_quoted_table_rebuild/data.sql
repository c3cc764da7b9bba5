INSERT INTO "it's ""odd""" VALUES (1, 10), (2, NULL);
