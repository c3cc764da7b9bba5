CREATE TABLE "odd ""name""" (
  [id] INTEGER PRIMARY KEY AUTOINCREMENT, -- @renamed from="old ""id"""
  `weird col` TEXT COLLATE NOCASE NOT NULL ON CONFLICT REPLACE DEFAULT 'a''b',
  "x
y" REAL CHECK ("x
y" > 0) CONSTRAINT c1 UNIQUE ON CONFLICT IGNORE
);
CREATE INDEX "ix ""1""" ON "odd ""name""" (lower(`weird col`) COLLATE RTRIM DESC, [id]) WHERE [id] > 0;
