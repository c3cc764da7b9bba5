-- PostgreSQL: a trigger calls a function. Functions are not part of the schema DbMigrate
-- compares, so both files declare it.
CREATE FUNCTION note_log_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO note_log (id, note_id, action)
  VALUES ((SELECT coalesce(max(id), 0) + 1 FROM note_log), NEW.id, 'insert');
  RETURN NEW;
END
$$;

CREATE TABLE authors (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  country TEXT
);

CREATE TABLE books (
  id INTEGER PRIMARY KEY,
  author_id INTEGER NOT NULL REFERENCES authors (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  cover BYTEA
);

CREATE INDEX ix_books_author_id ON books (author_id);
CREATE TABLE notes (
  id INTEGER PRIMARY KEY,
  body TEXT NOT NULL,
  pinned INTEGER
);

CREATE TABLE note_log (
  id INTEGER PRIMARY KEY,
  note_id INTEGER,
  action TEXT NOT NULL
);

CREATE VIEW pinned_notes AS SELECT id, body FROM notes WHERE pinned = 1;

CREATE TRIGGER trg_notes_insert AFTER INSERT ON notes
  FOR EACH ROW EXECUTE FUNCTION note_log_insert();
CREATE TABLE kv (
  k TEXT NOT NULL PRIMARY KEY,
  v BYTEA,
  expires INTEGER
);

CREATE TABLE "odd ""names""" (
  "id" INTEGER PRIMARY KEY,
  "ünï" TEXT COLLATE "C" DEFAULT 'x',
  CONSTRAINT ck_odd CHECK ("ünï" <> ''),
  UNIQUE ("ünï")
);

CREATE INDEX ix_books_partial ON books (title DESC) WHERE cover IS NOT NULL;
