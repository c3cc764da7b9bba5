CREATE TABLE customers ( -- @renamed from=clients
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT
);

CREATE INDEX ix_clients_name ON customers (name);
