#!/usr/bin/env bash
# A private PostgreSQL cluster for the tests (tests/postgresql/README.md):
#   cluster.sh start <state file>   initdb into a new temporary folder, start the server on a
#                                   free loopback port, write the URLs to <state file>
#   cluster.sh stop <state file>    stop that server and remove its folder and <state file>
# The server runs as an unprivileged user: the caller, or, for root (initdb refuses root), the
# system user dbmigrate-pg, created when missing. Missing server binaries fail the start: the
# tests that need the server then fail, they are never skipped.
set -euo pipefail

action=${1:-}
state=${2:-}
if [[ -z "$action" || -z "$state" ]]; then
  echo "usage: $0 start|stop <state file>" >&2
  exit 2
fi

# The password of the one user that logs in with a password: the masking tests look for it.
password_user=dbmigrate_pw
password='Pw-7f3e-never-shown'

stop() {
  [[ -f "$state" ]] || return 0
  local dir bindir owner
  dir=$(sed -n 's/^DIR=//p' "$state")
  bindir=$(sed -n 's/^BINDIR=//p' "$state")
  owner=$(sed -n 's/^OWNER=//p' "$state")
  if [[ -n "$dir" && -d "$dir/data" ]]; then
    as_owner "$owner" "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  [[ -n "$dir" && "$dir" == */dbmigrate-pg.* ]] && rm -rf "$dir"
  rm -f "$state"
}

as_owner() {
  local owner=$1
  shift
  if [[ "$owner" == "$(id -un)" ]]; then
    "$@"
  else
    runuser -u "$owner" -- "$@"
  fi
}

find_bindir() {
  if [[ -n "${DBMIGRATE_PG_BINDIR:-}" ]]; then
    echo "$DBMIGRATE_PG_BINDIR"
    return
  fi
  local candidate
  for candidate in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
    if [[ -x "$candidate/initdb" ]]; then
      echo "$candidate"
      return
    fi
  done
  if command -v initdb >/dev/null; then
    dirname "$(command -v initdb)"
  fi
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
  stop  # a cluster a crashed run left behind
  local bindir
  bindir=$(find_bindir)
  if [[ -z "$bindir" || ! -x "$bindir/initdb" || ! -x "$bindir/pg_ctl" ]]; then
    echo "cluster.sh: the PostgreSQL server binaries (initdb, pg_ctl) are not installed: install the" \
         "Debian package postgresql-15 (bash scripts/install-deps.sh does), or set DBMIGRATE_PG_BINDIR" >&2
    exit 1
  fi
  local owner
  owner=$(id -un)
  if [[ "$(id -u)" -eq 0 ]]; then
    owner=dbmigrate-pg
    id "$owner" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$owner"
  fi
  local dir
  dir=$(mktemp -d "${TMPDIR:-/tmp}/dbmigrate-pg.XXXXXX")
  chmod 755 "$dir"
  [[ "$owner" == "$(id -un)" ]] || chown "$owner" "$dir"
  printf 'DIR=%s\nBINDIR=%s\nOWNER=%s\n' "$dir" "$bindir" "$owner" >"$state"

  if ! as_owner "$owner" "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --no-sync \
       -E UTF8 --locale=C >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    stop
    exit 1
  fi
  # The password user must give its password over TCP; everyone else is trusted.
  cat >"$dir/data/pg_hba.conf" <<HBA
local all all trust
host all $password_user 127.0.0.1/32 scram-sha-256
host all all 127.0.0.1/32 trust
HBA
  local port attempt started=
  for attempt in 1 2 3 4 5 6 7 8; do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    port_in_use "$port" && continue
    if as_owner "$owner" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
         -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
         start >/dev/null 2>&1; then
      started=yes
      break
    fi
  done
  if [[ -z "$started" ]]; then
    echo "cluster.sh: the server did not start; its log:" >&2
    cat "$dir/server.log" >&2 || true
    stop
    exit 1
  fi
  "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres \
    -c "CREATE ROLE $password_user LOGIN SUPERUSER PASSWORD '$password'" >/dev/null
  cat >>"$state" <<STATE
PORT=$port
URL=postgresql://postgres@127.0.0.1:$port/postgres
PASSWORD_URL=postgresql://$password_user:$password@127.0.0.1:$port/postgres
PASSWORD=$password
STATE
  echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, data in $dir/data"
}

case "$action" in
  start) start ;;
  stop) stop ;;
  *)
    echo "usage: $0 start|stop <state file>" >&2
    exit 2
    ;;
esac
