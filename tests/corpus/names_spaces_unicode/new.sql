CREATE TABLE "posições da fatura" ( -- @renamed from="line items"
  "id" INTEGER PRIMARY KEY,
  "unit price" NUMERIC(12,2) NOT NULL,
  "名前" TEXT, -- @renamed from="prénom"
  "数量" INTEGER NOT NULL DEFAULT 1,
  "🎉 emoji" TEXT
);

CREATE INDEX "ix line items prénom" ON "posições da fatura" ("名前");
