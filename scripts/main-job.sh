#!/usr/bin/env bash
# The main job: the example catalogue's schema, version by version, through the
# Flask-Migrate workflow on a SQLite file with the `dbmigrate` command line —
# init, migrate (autogenerate), upgrade, current, history, downgrade, upgrade again.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bash scripts/install-deps.sh
cmake -S . -B build/main -G Ninja -DCMAKE_BUILD_TYPE=Release -DDBMIGRATE_BUILD_TESTS=OFF -DDBMIGRATE_BUILD_BENCH=OFF >/dev/null
cmake --build build/main --target dbmigrate
dbmigrate=$root/build/main/src/cli/dbmigrate

work=$root/build/main/catalogue
rm -rf "$work" && mkdir -p "$work" && cd "$work"
export DATABASE_URL=sqlite:///catalogue.db
step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; "$@"; }
schema=$root/example_project/schema

step "$dbmigrate" init
step "$dbmigrate" migrate -m "Initial migration" --model "$schema/1_initial.sql"
step "$dbmigrate" upgrade
step sqlite3 catalogue.db "INSERT INTO books (title, author, published) VALUES ('Dune', 'Frank Herbert', 1965), ('Emma', 'Jane Austen', 1815); INSERT INTO members VALUES (1, 'Ada', 'ada@example.org');"
step "$dbmigrate" migrate -m "ISBN, author index, full names" --model "$schema/2_isbn_and_index.sql"
step "$dbmigrate" migrate -m "Loans" --model "$schema/3_loans.sql"
step "$dbmigrate" check --model "$schema/3_loans.sql" || true
step "$dbmigrate" upgrade
step "$dbmigrate" current
step "$dbmigrate" history
step sqlite3 -header catalogue.db ".tables" "SELECT id, title, author, published, isbn FROM books;" "SELECT * FROM members;"
step "$dbmigrate" downgrade
step "$dbmigrate" current
step "$dbmigrate" downgrade
step sqlite3 -header catalogue.db "SELECT * FROM books;" "SELECT * FROM members;"
step "$dbmigrate" upgrade
step "$dbmigrate" check --model "$schema/3_loans.sql"
step sqlite3 catalogue.db "PRAGMA integrity_check;"
printf '\nThe revisions written: %s\n' "$work/migrations/versions"
ls "$work/migrations/versions"
