-- Revision ID: d4
-- Revises: c3
-- Create Date: d
-- Message: m

-- migrate:upgrade
CREATE TRIGGER tr AFTER INSERT ON t BEGIN
  -- migrate:upgrade inside a trigger
  SELECT 1;
END;
-- migrate:downgrade
