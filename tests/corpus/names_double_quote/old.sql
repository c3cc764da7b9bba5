CREATE TABLE "say ""hi""" (
  "id" INTEGER PRIMARY KEY,
  "a""b" TEXT,
  "it's" INTEGER
);

CREATE INDEX "ix ""quoted""" ON "say ""hi""" ("a""b");
