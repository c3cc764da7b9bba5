#!/usr/bin/env bash
# The main job: DbMigrate built and installed as a package, then the example catalogue
# (example_project/) configured against it and taken through the Flask-Migrate workflow
# with its build targets on a SQLite file — printing each step. Then, when a private
# PostgreSQL server can be started here (tests/postgresql/cluster.sh), the same models on
# PostgreSQL: a second copy of the example starts its migrations for the server and takes them
# through db_migrate, db_upgrade, db_downgrade and db_check. The last line says which it ran.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bash scripts/install-deps.sh

work=$root/build/main-job
prefix=$work/prefix
bold() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
step() { printf '\033[1m$ %s\033[0m\n' "$*"; "$@"; }

bold "Build and install DbMigrate"
cmake -S . -B "$work/dbmigrate" -G Ninja -DCMAKE_BUILD_TYPE=Release -DDBMIGRATE_BUILD_TESTS=OFF \
  -DDBMIGRATE_BUILD_BENCH=OFF -DCMAKE_INSTALL_PREFIX="$prefix" >/dev/null
cmake --build "$work/dbmigrate"
cmake --install "$work/dbmigrate" >/dev/null
echo "installed in $prefix"

bold "Configure the example catalogue against the installed package (a throw-away copy)"
rm -rf "$work/catalogue" && cp -r example_project "$work/catalogue"
cd "$work/catalogue"
step cmake -S . -B build -G Ninja -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release
step cmake --build build

bold "flask db upgrade: apply the committed migrations"
step cmake --build build --target db_upgrade
step cmake --build build --target db_current
step cmake --build build --target db_history
step sqlite3 build/catalogue.db ".tables"
step sqlite3 build/catalogue.db ".schema books"

bold "Run the application"
export DATABASE_URL=sqlite:///$PWD/build/catalogue.db
step ./build/catalogue add-book "Dune" "Frank Herbert" 1965 9780441013593
step ./build/catalogue add-book "Emma" "Jane Austen" 1815
step ./build/catalogue add-member "Ada Lovelace" ada@example.org
step ./build/catalogue lend 1 1
step ./build/catalogue list

bold "flask db downgrade: one revision back (the loans table goes; a backup is written first)"
step cmake --build build --target db_downgrade
step cmake --build build --target db_current
step sqlite3 build/catalogue.db ".tables" "SELECT id, title, author, isbn FROM books;"

bold "flask db upgrade again"
step cmake --build build --target db_upgrade
step cmake --build build --target db_current
step ./build/catalogue list

bold "flask db check: the CI gate"
step cmake --build build --target db_check
step sqlite3 build/catalogue.db "PRAGMA integrity_check;"

bold "Change a model (in the throw-away copy): members get an optional phone number"
perl -0pi -e 's|(  std::string email;\n)|$1  std::optional<std::string> phone;\n|' src/models.hpp
perl -0pi -e 's|(\.column\("email", &Member::email\)\.unique\(\))|$1\n      .column("phone", &Member::phone)|' src/models.cpp
grep -q 'phone' src/models.hpp && grep -q '"phone"' src/models.cpp || { echo "the model edit did not apply" >&2; exit 1; }
step grep -n phone src/models.hpp src/models.cpp

bold "flask db check: the gate fails while the model change has no migration"
printf '\033[1m$ %s\033[0m\n' "cmake --build build --target db_check"
if cmake --build build --target db_check; then
  echo "db_check passed with a model change that has no migration: the gate is broken" >&2
  exit 1
fi
echo "(db_check failed, as it must: the model has a change no revision holds)"

bold "flask db migrate: autogenerate the revision for the change"
step env DB_MESSAGE="add member phone" cmake --build build --target db_migrate
revisions=(migrations/versions/*_add_member_phone.sql)
[ ${#revisions[@]} -eq 1 ] && [ -f "${revisions[0]}" ] || { echo "no generated revision" >&2; exit 1; }
step cat "${revisions[0]}"

bold "flask db upgrade: apply it"
step cmake --build build --target db_upgrade
step sqlite3 build/catalogue.db ".schema members"

bold "flask db check: the gate passes now that the change has its migration"
step cmake --build build --target db_check

bold "A picture of the schema: build/schema.svg"
step cmake --build build --target db_diagram
step ls -l build/schema.svg

bold "The same models on PostgreSQL (a private server on loopback, when one can start here)"
state=$work/postgresql.state
if ! bash "$root/tests/postgresql/cluster.sh" start "$state"; then
  echo "No PostgreSQL server could be started here (see above): the main job ran on SQLite only."
  exit 0
fi
trap 'bash "$root/tests/postgresql/cluster.sh" stop "$state"' EXIT
port=$(sed -n 's/^PORT=//p' "$state")
password_url=$(sed -n 's/^PASSWORD_URL=//p' "$state")
psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "CREATE DATABASE catalogue"
# With a password in the URL: no output below shows it.
export DATABASE_URL=${password_url%/postgres}/catalogue
rm -rf "$work/catalogue-pg" && cp -r "$root/example_project" "$work/catalogue-pg"
cd "$work/catalogue-pg"
rm -rf migrations  # the committed revisions are SQLite's: this copy starts its own
# loans.due's server default is written with SQLite's date(); a model declares one default for
# every dialect, so this copy spells it in PostgreSQL's words.
perl -pi -e "s/\(date\('now', '\+14 days'\)\)/(CURRENT_DATE + 14)/" src/models.cpp
step grep -n '"due"' src/models.cpp
step cmake -S . -B build -G Ninja -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
step cmake --build build --target db_init
step cat migrations/dbmigrate.json
step env DB_MESSAGE="Initial migration" cmake --build build --target db_migrate
step cat migrations/versions/*_initial_migration.sql
step cmake --build build --target db_upgrade
step cmake --build build --target db_current
step psql -X -h 127.0.0.1 -p "$port" -U postgres -d catalogue -c '\dt'
step psql -X -h 127.0.0.1 -p "$port" -U postgres -d catalogue -c '\d books'
step cmake --build build --target db_check
step cmake --build build --target db_downgrade
step cmake --build build --target db_current
step psql -X -h 127.0.0.1 -p "$port" -U postgres -d catalogue -c '\dt'
step cmake --build build --target db_upgrade
step cmake --build build --target db_check
echo
echo "The main job ran on SQLite and on PostgreSQL $(psql -X -At -h 127.0.0.1 -p "$port" -U postgres -d postgres -c 'SHOW server_version')."
