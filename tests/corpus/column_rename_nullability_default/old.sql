CREATE TABLE profiles (
  id INTEGER PRIMARY KEY,
  nick VARCHAR(30),
  lang TEXT DEFAULT 'en'
);
