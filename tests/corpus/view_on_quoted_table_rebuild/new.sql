CREATE TABLE "it's ""odd""" (id INTEGER PRIMARY KEY, v BIGINT);
CREATE VIEW vw AS SELECT v FROM "it's ""odd""";
