CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  name VARCHAR(40) NOT NULL,
  price_cents INTEGER NOT NULL,
  price REAL GENERATED ALWAYS AS (price_cents / 100.0) STORED,
  slug TEXT GENERATED ALWAYS AS (lower(replace(name, ' ', '-'))) STORED
);
CREATE INDEX products_slug ON products (slug);
