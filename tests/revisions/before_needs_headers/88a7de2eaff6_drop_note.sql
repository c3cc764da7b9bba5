-- Revision ID: 88a7de2eaff6
-- Revises: d35d38c3e610
-- Create Date: 2026-11-29 12:00:00+00:00
-- Message: drop note

-- migrate:upgrade
-- WARNING: drops column 'child.note' and its data
ALTER TABLE child DROP COLUMN note;

-- migrate:downgrade
ALTER TABLE child ADD COLUMN note TEXT;
