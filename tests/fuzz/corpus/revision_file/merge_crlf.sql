-- Revision ID: merge_ab
-- Revises: aaa, bbb
-- Create Date: 2026-11-24 10:00:00+00:00
-- Message: merge

-- migrate:upgrade

-- migrate:downgrade
