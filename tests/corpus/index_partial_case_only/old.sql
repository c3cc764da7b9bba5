CREATE TABLE jobs (
  id INTEGER PRIMARY KEY,
  a TEXT,
  b TEXT
);

CREATE INDEX ix_jobs_open ON jobs (a) WHERE b IS NULL;
