#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds with AddressSanitizer and
# UndefinedBehaviorSanitizer and -Werror, runs every test with CTest, then fuzzes each reader of
# outside text for FUZZ_SECONDS (default 30) with scripts/fuzz.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
build=${BUILD_DIR:-build/test}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DDBMIGRATE_SANITIZE=ON -DDBMIGRATE_BUILD_BENCH=OFF
cmake --build "$build" -j"$(nproc)"
ctest --test-dir "$build" -j"$(nproc)" --output-on-failure
bash scripts/fuzz.sh "${FUZZ_SECONDS:-30}"
