CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  balance_cents INTEGER NOT NULL DEFAULT 0, -- @renamed from=balance
  owner TEXT
);

CREATE TABLE account_audit (
  account_id INTEGER,
  old_balance INTEGER,
  new_balance INTEGER
);

CREATE VIEW rich_accounts AS SELECT id, owner, balance_cents FROM accounts WHERE balance_cents > 1000;

CREATE TRIGGER trg_accounts_balance AFTER UPDATE OF balance_cents ON accounts
BEGIN
  INSERT INTO account_audit VALUES (OLD.id, OLD.balance_cents, NEW.balance_cents);
END;
