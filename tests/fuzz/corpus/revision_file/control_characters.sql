-- Revision ID: c3
-- Revises: b2
-- Create Date: d
-- Message: lonecr and tabs	

-- migrate:upgrade
SELECT 1;
SELECT 2;

-- migrate:downgrade
	SELECT 3; 
