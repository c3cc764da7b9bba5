CREATE TABLE listings (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  price INTEGER,
  status TEXT NOT NULL DEFAULT 'draft',
  CONSTRAINT ck_listings_price CHECK (price IS NULL OR price >= 0)
);

CREATE INDEX ix_listings_title_lower ON listings (lower(title));
CREATE INDEX ix_listings_live ON listings (price) WHERE status = 'live';
