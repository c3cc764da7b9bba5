CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  email varchar(255) NOT NULL,
  seen timestamp,
  visits int
);
