#!/usr/bin/env bash
# The whole test suite, on two compilers, warnings as errors in both:
#   1. GCC, Debug, AddressSanitizer + UndefinedBehaviorSanitizer (build/test): every CTest test.
#   2. Clang, Release (build/test-clang): every CTest test but the `cmake`-labelled ones.
#   3. scripts/fuzz.sh: each reader of outside text fuzzed for FUZZ_SECONDS (default 30), built
#      with Clang's AddressSanitizer + UndefinedBehaviorSanitizer.
# So each compiler builds everything, GCC's and Clang's sanitizers both run, and the optimizer
# of a Release build has its say too. The `cmake` tests configure and build throw-away consumer
# projects to check the CMake package and add_db_migrations(): they test CMake, not the compiler
# (Clang's unit tests already compile every public header), and are most of the suite's time,
# so they run in the GCC build only. `ctest -L cmake` in a Clang build runs them there as well.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
jobs=$(nproc)

build=${BUILD_DIR:-build/test}
cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=g++ -DCMAKE_BUILD_TYPE=Debug -DDBMIGRATE_SANITIZE=ON \
  -DDBMIGRATE_BUILD_BENCH=OFF
cmake --build "$build" -j"$jobs"
ctest --test-dir "$build" -j"$jobs" --output-on-failure

clang_build=${CLANG_BUILD_DIR:-build/test-clang}
cmake -S . -B "$clang_build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Release \
  -DDBMIGRATE_BUILD_BENCH=OFF
cmake --build "$clang_build" -j"$jobs"
ctest --test-dir "$clang_build" -j"$jobs" --output-on-failure --label-exclude cmake

bash scripts/fuzz.sh "${FUZZ_SECONDS:-30}"
