-- PostgreSQL: a trigger calls a function; the function's body is not renamed with the column
-- (functions are not part of the schema DbMigrate compares), so it names no renamed column.
CREATE FUNCTION account_audit_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO account_audit (account_id) VALUES (OLD.id);
  RETURN NEW;
END
$$;

CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  balance INTEGER NOT NULL DEFAULT 0,
  owner TEXT
);

CREATE TABLE account_audit (
  account_id INTEGER,
  old_balance INTEGER,
  new_balance INTEGER
);

CREATE VIEW rich_accounts AS SELECT id, owner, balance FROM accounts WHERE balance > 1000;

CREATE TRIGGER trg_accounts_balance AFTER UPDATE OF balance ON accounts
  FOR EACH ROW EXECUTE FUNCTION account_audit_update();
