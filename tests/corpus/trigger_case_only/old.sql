CREATE TABLE notes (
  id INTEGER PRIMARY KEY,
  body TEXT,
  edits INTEGER NOT NULL DEFAULT 0
);

CREATE TRIGGER notes_edited AFTER UPDATE OF body ON notes BEGIN
  UPDATE notes SET edits = edits + 1 WHERE id = NEW.id;
END;
