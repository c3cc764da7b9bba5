CREATE TABLE customers ( -- @renamed from=clients
  id INTEGER PRIMARY KEY,
  full_name TEXT NOT NULL, -- @renamed from=fullname
  email TEXT
);
