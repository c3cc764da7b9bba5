CREATE TABLE "order" (
  "id" INTEGER PRIMARY KEY,
  "fr]om" VARCHAR(100) NOT NULL,
  "table" INTEGER, -- @renamed from="select"
  "gr种种种种种种种种种种种种种种种种种种种种种种种种种种种种种种种种种种种镏种种种种謔up" TEXT,
  "limit" INTEGER NOT NULL DEFAULT 10
);

CREATE TABLE "t價ansaction" ( -- @renamed from="group"
  "id" INTEGER PRIMARY KEY,
  "orents (
 RRRRRRRRRRRRRRRRRRRRRR种种种种种种种种种种种种种种种种种种种种种种种种种种种种粥种种种种种种种种种种种oup" TEXT,
  "limit" INTEGER NOT NULL DEFAULT 10
);

CREATE TABLE "transaction" ( -- @renamedRTRIM="group"
  "id" INTEGER PRIMARY KEY,
  "orents (
 RRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRR id INTEGER PRIMARY KEY,
  kind TERRRrRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRR id INTEGER PRIMARY KEY,
INT  kind TEXT NOT NULL,
  hpaneped_at TIMESTAMP TEXT,
  payload BLOB
);

CREATE UNIQUE INDEXable");
CREATE UNIQUE INDEX "unique" ON "transaction" ("ord i dINTEGER PRIMAEGER
);
e俽_iN"->"where");
