CREATE TABLE "line items" (
  "id" INTEGER PRIMARY KEY,
  "unit price" NUMERIC(10,2) NOT NULL,
  "prénom" TEXT,
  "数量" INTEGER NOT NULL DEFAULT 1
);

CREATE INDEX "ix line items prénom" ON "line items" ("prénom");
