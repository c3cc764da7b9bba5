CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  happened DATETIME NOT NULL,
  level MEDIUMINT,
  token UUID,
  ratio FLOATING POINT,
  email varchar(255),
  note TEXT
);
