#!/usr/bin/env bash
# The Flask-Migrate tutorial on a throw-away copy of example_project/, through its build
# targets alone, against the installed package:
#   db_init on an empty copy; db_migrate with DB_MESSAGE; a model edited; the CI gate
#   (db_check target and ctest -R db_check) fails naming the change; db_migrate; the gate
#   passes; db_upgrade; rows in; db_downgrade; db_upgrade; the rows are still there.
# usage: example_walkthrough.sh <example_project dir> <install prefix> <work dir> [cmake options...]
set -euo pipefail
example=$1 prefix=$2 work=$3
shift 3
fail() { echo "FAILED: $*" >&2; exit 1; }

rm -rf "$work" && mkdir -p "$work" && cp -r "$example"/. "$work"
cd "$work"
rm -rf migrations build
cmake -S . -B build -G Ninja -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF "$@" >/dev/null
cmake --build build >/dev/null

cmake --build build --target db_init
[ -f migrations/dbmigrate.json ] || fail "db_init wrote no migrations/dbmigrate.json"
DB_MESSAGE="Initial migration" cmake --build build --target db_migrate | tee migrate.log
grep -q "Detected added table 'loans'" migrate.log || fail "db_migrate did not detect the loans table"
[ "$(ls migrations/versions | wc -l)" -eq 1 ] || fail "expected one revision"

cmake --build build --target db_upgrade
db=build/catalogue.db
sqlite3 "$db" "INSERT INTO books (title, author, published) VALUES ('Dune', 'Frank Herbert', 1965);
               INSERT INTO members (id, name, email) VALUES (1, 'Ada', 'ada@example.org');"

# A model change: members get a phone number.
sed -i 's/  std::string email;/  std::string email;\n  std::optional<std::string> phone;/' src/models.hpp
sed -i 's/      .column("email", &Member::email).unique();/      .column("email", \&Member::email).unique()\n      .column("phone", \&Member::phone);/' src/models.cpp
grep -q phone src/models.cpp || fail "could not edit the model"

if cmake --build build --target db_check > check.log 2>&1; then fail "db_check passed with a pending change"; fi
grep -q "pending migration: added column 'members.phone'" check.log || { cat check.log; fail "db_check did not name the change"; }
if ctest --test-dir build -R '^db_check$' --no-tests=error --output-on-failure > ctest.log 2>&1; then fail "ctest -R db_check passed with a pending change"; fi
grep -q "members.phone" ctest.log || { cat ctest.log; fail "ctest -R db_check did not name the change"; }

DB_MESSAGE="Member phone numbers" cmake --build build --target db_migrate | tee migrate.log
grep -q "Detected added column 'members.phone'" migrate.log || fail "second db_migrate did not detect the column"
cmake --build build --target db_check
ctest --test-dir build -R '^db_check$' --no-tests=error --output-on-failure >/dev/null || fail "ctest -R db_check fails after db_migrate"

cmake --build build --target db_upgrade
sqlite3 "$db" "UPDATE members SET phone = '555-0100' WHERE id = 1;"
[ "$(sqlite3 "$db" "SELECT phone FROM members")" = "555-0100" ] || fail "phone not stored"
cmake --build build --target db_downgrade
[ "$(sqlite3 "$db" "SELECT count(*) FROM pragma_table_info('members') WHERE name = 'phone'")" = 0 ] || fail "downgrade kept the phone column"
cmake --build build --target db_upgrade
[ "$(sqlite3 "$db" "SELECT name || '|' || email FROM members")" = "Ada|ada@example.org" ] || fail "member row lost"
[ "$(sqlite3 "$db" "SELECT title FROM books")" = "Dune" ] || fail "book row lost"
[ "$(sqlite3 "$db" "PRAGMA integrity_check")" = ok ] || fail "integrity_check"
echo "example walkthrough: ok"
