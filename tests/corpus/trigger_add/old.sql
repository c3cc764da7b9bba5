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
BEGIN
  INSERT INTO note_log (note_id, action) VALUES (NEW.id, 'insert');
END;
