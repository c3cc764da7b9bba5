CREATE TABLE memos ( -- @renamed from=notes
  id INTEGER PRIMARY KEY,
  body TEXT NOT NULL,
  pinned INTEGER
);

CREATE TABLE note_log (
  id INTEGER PRIMARY KEY,
  note_id INTEGER,
  action TEXT NOT NULL
);

CREATE VIEW pinned_notes AS SELECT id, body FROM memos WHERE pinned = 1;

CREATE TRIGGER trg_notes_insert AFTER INSERT ON memos
BEGIN
  INSERT INTO note_log (note_id, action) VALUES (NEW.id, 'insert');
END;
