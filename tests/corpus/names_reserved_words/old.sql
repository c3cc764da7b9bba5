CREATE TABLE "order" (
  "id" INTEGER PRIMARY KEY,
  "from" TEXT NOT NULL,
  "select" INTEGER,
  "group" TEXT
);

CREATE TABLE "group" (
  "id" INTEGER PRIMARY KEY,
  "order_id" INTEGER REFERENCES "order" ("id") ON DELETE CASCADE,
  "where" TEXT
);

CREATE INDEX "index" ON "order" ("from", "select");
