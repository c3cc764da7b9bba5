CREATE TABLE jobs (
  id INTEGER PRIMARY KEY,
  a TEXT,
  b TEXT
);

create index ix_jobs_open on jobs (a) where b is null;
