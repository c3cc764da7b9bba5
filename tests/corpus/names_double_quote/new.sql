CREATE TABLE "say ""hello""" ( -- @renamed from="say ""hi"""
  "id" INTEGER PRIMARY KEY,
  "c""d" TEXT NOT NULL DEFAULT '"', -- @renamed from="a""b"
  "it's" BIGINT
);

CREATE INDEX "ix ""quoted""" ON "say ""hello""" ("c""d");
