#!/usr/bin/env bash
# The main job: the example catalogue's schema versions migrated up and back down on a
# SQLite file, printing what was detected, the SQL, and the tables after each step.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build/main -G Ninja -DCMAKE_BUILD_TYPE=Release -DDBMIGRATE_BUILD_TESTS=OFF -DDBMIGRATE_BUILD_BENCH=OFF >/dev/null
cmake --build build/main --target dbmigrate_walkthrough
./build/main/example_project/walkthrough/dbmigrate_walkthrough example_project/schema build/main/catalogue.db
