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
BEGIN
  INSERT INTO account_audit VALUES (OLD.id, OLD.balance, NEW.balance);
END;
