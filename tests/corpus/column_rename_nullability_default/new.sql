CREATE TABLE profiles (
  id INTEGER PRIMARY KEY,
  handle VARCHAR(40) NOT NULL DEFAULT 'anon', -- @renamed from=nick
  lang TEXT NOT NULL DEFAULT 'de'
);
