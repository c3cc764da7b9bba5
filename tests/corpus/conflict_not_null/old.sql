CREATE TABLE profiles (
  id INTEGER PRIMARY KEY,
  nickname TEXT NOT NULL DEFAULT 'anon'
);
