#!/usr/bin/env bash
# DbMigrate on a PostgreSQL 15 server, each figure beside psql running the same SQL in the same
# run, printed as a table. A private server on loopback is started for it
# (tests/postgresql/cluster.sh) and stopped afterwards.
#   (a) upgrade through the 500-revision chain of bench/revision_chain.hpp (goal: <= 1.5x psql
#       and < 3 s), beside psql running the same statements: each revision's upgrade section and
#       the version and history rows a run writes, one transaction per revision;
#   (b) a no-op upgrade at head, connect included (goal < 30 ms), beside psql's connect and one
#       query;
#   (c) inspecting a 2,000-table schema (goal < 2 s), beside pg_dump --schema-only of it.
#   bash bench/postgresql_bench.sh [DbMigrate build dir, default build/bench]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=$(realpath "${1:-build/bench}")
dbmigrate="$build/src/cli/dbmigrate"
work="$build/postgresql-bench"
rm -rf "$work"
mkdir -p "$work"

state="$work/cluster.state"
bash "$root/tests/postgresql/cluster.sh" start "$state" >/dev/null
trap 'bash "$root/tests/postgresql/cluster.sh" stop "$state"' EXIT
port=$(sed -n 's/^PORT=//p' "$state")
bindir=$(sed -n 's/^BINDIR=//p' "$state")
server="postgresql://postgres@127.0.0.1:$port"
pg() { "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres "$@"; }

# Median wall time in milliseconds of `runs` runs of a command; `before` runs untimed first.
runs=3
before=true
median_ms() {
  local times=() start end
  for ((i = 0; i < runs; ++i)); do
    $before
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$((runs / 2 + 1))p"
}
fresh() { pg -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null; }

# (a) The chain, in a project written for PostgreSQL.
"$build/bench/dbmigrate_cli_bench" "$dbmigrate" --prepare "$work/project" >/dev/null
sed -i 's/"dialect": "sqlite"/"dialect": "postgresql"/' "$work/project/migrations/dbmigrate.json"
cd "$work/project"
# The floor's script: what the runner sends, less its checks (the run lock, reading the heads).
{
  echo "CREATE TABLE dbmigrate_version (revision text PRIMARY KEY);"
  echo "CREATE TABLE dbmigrate_history (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY," \
       "revision text NOT NULL, checksum text NOT NULL, direction text NOT NULL," \
       "applied_at text NOT NULL, duration_ms integer NOT NULL);"
  for file in migrations/versions/*.sql; do
    id=$(sed -n 's/^-- Revision ID: //p' "$file")
    echo "BEGIN;"
    sed -n '/^-- migrate:upgrade$/,/^-- migrate:downgrade$/p' "$file" | sed '1d;$d'
    echo "DELETE FROM dbmigrate_version;"
    echo "INSERT INTO dbmigrate_version (revision) VALUES ('$id');"
    echo "INSERT INTO dbmigrate_history (revision, checksum, direction, applied_at, duration_ms)" \
         "VALUES ('$id', '$(sha256sum "$file" | cut -c1-64)', 'upgrade', now()::text, 0);"
    echo "COMMIT;"
  done
} >"$work/up.sql"
before_ours() { fresh ours; }
before_floor() { fresh floor; }
before=before_ours
ours_up=$(median_ms "$dbmigrate" upgrade --url "$server/ours")
before=before_floor
floor_up=$(median_ms pg -d floor -f "$work/up.sql")

# (b) Nothing to do at head.
before=true
runs=11
ours_noop=$(median_ms "$dbmigrate" upgrade --url "$server/ours")
floor_noop=$(median_ms pg -d ours -c "SELECT revision FROM dbmigrate_version")

# (c) 2,000 tables, each with a key, a NOT NULL column, a default, an index and a foreign key.
fresh wide
{
  echo "BEGIN;"
  for ((i = 0; i < 2000; ++i)); do
    ref=""
    ((i == 0)) || ref=", parent_id integer REFERENCES t$((i - 1)) (id) ON DELETE CASCADE"
    echo "CREATE TABLE t$i (id integer PRIMARY KEY, name text NOT NULL, created timestamptz DEFAULT now()$ref);"
    echo "CREATE INDEX ix_t${i}_name ON t$i (name);"
  done
  echo "COMMIT;"
} >"$work/wide.sql"
pg -d wide -f "$work/wide.sql" >/dev/null
runs=3
ours_inspect=$(median_ms "$dbmigrate" snapshot "$server/wide")
floor_inspect=$(median_ms "$bindir/pg_dump" --schema-only -h 127.0.0.1 -p "$port" -U postgres wide)
tables=$("$dbmigrate" snapshot "$server/wide" | grep -c '"name": "t[0-9]*"' || true)

row() {
  local ratio
  ratio=$(awk -v a="$2" -v b="$3" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }')
  printf '%-58s %8s ms %8s ms %7s  %s\n' "$1" "$2" "$3" "$ratio" "$4"
}
printf '%-58s %11s %11s %7s  %s\n' "PostgreSQL $(pg -At -d postgres -c 'SHOW server_version' | cut -d' ' -f1) (median)" \
  dbmigrate floor ratio goal
row "upgrade, empty -> 500 revisions (floor: psql, same SQL)" "$ours_up" "$floor_up" "<= 1.5x, < 3000 ms"
row "no-op upgrade at head, connect included (floor: psql query)" "$ours_noop" "$floor_noop" "< 30 ms"
row "inspect 2,000 tables (floor: pg_dump --schema-only)" "$ours_inspect" "$floor_inspect" "< 2000 ms"
echo "(the snapshot of the wide schema names $tables tables)"
