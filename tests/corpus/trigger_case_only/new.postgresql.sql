-- PostgreSQL: a trigger calls a function, declared in both files.
CREATE FUNCTION notes_count_edit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE notes SET edits = edits + 1 WHERE id = NEW.id;
  RETURN NEW;
END
$$;

CREATE TABLE notes (
  id INTEGER PRIMARY KEY,
  body TEXT,
  edits INTEGER NOT NULL DEFAULT 0
);

create trigger notes_edited after update of body on notes
  for each row execute function notes_count_edit();
