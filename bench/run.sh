#!/usr/bin/env bash
# Builds DbMigrate in Release mode and prints the benchmark tables: the core, the command line,
# a large data revision, `check` on a long history, the CMake integration (bench/cmake_bench.sh),
# then DbMigrate on a private PostgreSQL server beside psql (bench/postgresql_bench.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DDBMIGRATE_BUILD_TESTS=OFF -DDBMIGRATE_BUILD_BENCH=ON >/dev/null
cmake --build build/bench >/dev/null
./build/bench/bench/dbmigrate_bench "$@"
echo
./build/bench/bench/dbmigrate_cli_bench build/bench/src/cli/dbmigrate
echo
./build/bench/bench/dbmigrate_revision_bench build/bench/src/cli/dbmigrate
echo
./build/bench/bench/dbmigrate_check_bench build/bench/src/cli/dbmigrate
bash bench/cmake_bench.sh build/bench
echo
bash bench/postgresql_bench.sh build/bench
