CREATE TABLE account (
  id INTEGER PRIMARY KEY,
  email_old TEXT -- @renamed from=email
);
