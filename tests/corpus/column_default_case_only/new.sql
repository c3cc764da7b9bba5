create table events (
  id integer primary key,
  note text,
  created_at timestamp not null default current_timestamp
);
