-- a comment of the author
-- Message: messages may come first
-- Create Date:
-- Revises: x1
-- Revision ID: y_2
--migrate:upgrade
  -- kept comment
INSERT INTO t VALUES (1);


UPDATE t SET a = 2;
   -- migrate: downgrade   


