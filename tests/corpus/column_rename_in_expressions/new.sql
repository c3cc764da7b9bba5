CREATE TABLE listings (
  id INTEGER PRIMARY KEY,
  headline TEXT NOT NULL, -- @renamed from=title
  price_eur INTEGER, -- @renamed from=price
  state TEXT NOT NULL DEFAULT 'draft', -- @renamed from=status
  CONSTRAINT ck_listings_price CHECK (price_eur IS NULL OR price_eur >= 0)
);

CREATE INDEX ix_listings_title_lower ON listings (lower(headline));
CREATE INDEX ix_listings_live ON listings (price_eur) WHERE state = 'live';
