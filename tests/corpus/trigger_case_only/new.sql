CREATE TABLE notes (
  id INTEGER PRIMARY KEY,
  body TEXT,
  edits INTEGER NOT NULL DEFAULT 0
);

create trigger notes_edited after update of body on notes begin
  update notes set edits = edits + 1 where id = new.id;
end;
