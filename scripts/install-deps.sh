#!/usr/bin/env bash
# Installs the Debian packages DbMigrate needs to build, test and run its example,
# skipping the update when everything is there already. clang and libFuzzer (libclang-rt-14-dev)
# are for scripts/fuzz.sh; libpq-dev builds the PostgreSQL dialect, and postgresql-15 is the server
# the tests start a private cluster of (tests/postgresql/cluster.sh); graphviz draws the schema
# diagrams (db_diagram) the tests check.
set -euo pipefail

packages=(cmake ninja-build g++ libsqlite3-dev nlohmann-json3-dev libfmt-dev libgtest-dev libcli11-dev sqlite3
          libpq-dev postgresql-15 graphviz
          clang libclang-rt-14-dev)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
