CREATE TABLE squads ( -- @renamed from=teams
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL
);

CREATE TABLE players (
  id INTEGER PRIMARY KEY,
  team_id INTEGER REFERENCES squads (id) ON DELETE CASCADE,
  name TEXT NOT NULL
);
