-- PostgreSQL: a trigger calls a function. Functions are not part of the schema DbMigrate
-- compares, so both files declare it.
CREATE FUNCTION note_log_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO note_log (id, note_id, action)
  VALUES ((SELECT coalesce(max(id), 0) + 1 FROM note_log), NEW.id, 'insert');
  RETURN NEW;
END
$$;

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

CREATE VIEW long_notes AS
  SELECT id, length(body) AS size FROM notes WHERE length(body) > 5;
