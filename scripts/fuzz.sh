#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with Clang in build/fuzz and runs each for SECONDS
# (default 30), one per core at a time, from a scratch copy of its seed corpus, so that the
# committed corpus never grows.
# Fails if any target crashes, trips a sanitizer, times out or breaks one of its checks; the
# input at fault is kept in build/fuzz/findings/. See docs/fuzzing.md.
#
#   scripts/fuzz.sh [SECONDS [TARGET...]]    TARGET: snapshot_json sql_schema revision_file
#                                             database_url targets create_statement
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-30}
(($# == 0)) || shift
targets=("$@")
((${#targets[@]})) || targets=(snapshot_json sql_schema revision_file database_url targets create_statement)
build=${FUZZ_BUILD_DIR:-build/fuzz}

launcher=()
! command -v ccache >/dev/null || launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# -O1: several times the executions per second of -O0, and still exact stacks.
cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug \
  "-DCMAKE_CXX_FLAGS_DEBUG=-g -O1" -DDBMIGRATE_BUILD_FUZZ=ON -DDBMIGRATE_BUILD_TESTS=OFF \
  -DDBMIGRATE_BUILD_BENCH=OFF "${launcher[@]}" >/dev/null
cmake --build "$build" -j"$(nproc)" --target "${targets[@]/#/fuzz_}"

# Seeds beyond tests/fuzz/corpus/<target>: test data that already exists.
extra_seeds() {
  case $1 in
    sql_schema | create_statement) ls tests/corpus/*/*.sql tests/cmake/*/*.sql ;;
    revision_file) ls example_project/migrations/versions/*.sql ;;
    snapshot_json) ls example_project/migrations/schema.json ;;
  esac
}
dictionary() {
  case $1 in
    sql_schema | create_statement) echo tests/fuzz/sql.dict ;;
    revision_file | snapshot_json) echo "tests/fuzz/$1.dict" ;;
  esac
}

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$build/findings" "$build/logs"
# fuzz TARGET: runs one target; its verdict goes to $scratch/TARGET.result, its log to build/fuzz/logs.
fuzz() {
  local target=$1 corpus="$scratch/$1" log="$build/logs/$1.log" dict seed
  mkdir -p "$corpus"
  cp -r tests/fuzz/corpus/"$target"/. "$corpus"/
  while read -r seed; do cp "$seed" "$corpus/${seed//\//_}"; done < <(extra_seeds "$target")
  local options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
                 -artifact_prefix="$build/findings/$target-")
  dict=$(dictionary "$target")
  [ -z "$dict" ] || options+=(-dict="$dict")
  if "$build/tests/fuzz/fuzz_$target" "${options[@]}" "$corpus" >"$log" 2>&1; then
    echo "fuzz $target: ${seconds}s, $(sed -n 's/^stat::number_of_executed_units: //p' "$log") runs, no finding" \
      >"$scratch/$target.result"
  else
    echo "FAILED" >"$scratch/$target.result"
  fi
}
# One target per core at a time: each still gets SECONDS of one core, in less wall time.
for target in "${targets[@]}"; do
  while (($(jobs -rp | wc -l) >= $(nproc))); do wait -n || true; done
  fuzz "$target" &
done
wait
failed=()
for target in "${targets[@]}"; do
  result=$(cat "$scratch/$target.result" 2>/dev/null || echo FAILED)
  if [ "$result" != FAILED ]; then
    echo "$result"
  else
    echo "fuzz $target: FAILED (full log: $build/logs/$target.log)"
    tail -n 40 "$build/logs/$target.log"
    failed+=("$target")
  fi
done
if ((${#failed[@]})); then
  echo "fuzzing found a problem in: ${failed[*]}; reproduce with $build/tests/fuzz/fuzz_<target> <input>"
  exit 1
fi
