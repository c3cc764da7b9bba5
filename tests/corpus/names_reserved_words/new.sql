CREATE TABLE "order" (
  "id" INTEGER PRIMARY KEY,
  "from" VARCHAR(100) NOT NULL,
  "table" INTEGER, -- @renamed from="select"
  "group" TEXT,
  "limit" INTEGER NOT NULL DEFAULT 10
);

CREATE TABLE "transaction" ( -- @renamed from="group"
  "id" INTEGER PRIMARY KEY,
  "order_id" INTEGER REFERENCES "order" ("id") ON DELETE CASCADE,
  "where" TEXT
);

CREATE INDEX "index" ON "order" ("from", "table");
CREATE UNIQUE INDEX "unique" ON "transaction" ("order_id", "where");
