#!/usr/bin/env bash
# The cost of the CMake integration, each beside its floor, printed as a table:
#   (a) `cmake --build <consumer> --target db_upgrade` with nothing to do (goal < 1 s), beside a
#       no-op build of the consumer and dbmigrate called directly;
#   (b) what one add_db_migrations() call adds to a configure (goal < 100 ms): a project
#       reconfigured with 0 and with 20 calls.
#   bash bench/cmake_bench.sh [DbMigrate build dir, default build/bench]
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(realpath "${1:-build/bench}")
work="$build/cmake-bench"
prefix="$work/prefix"
generator=(-G Ninja)
runs=5

rm -rf "$work"
mkdir -p "$work"
cmake --install "$build" --prefix "$prefix" >/dev/null

# Best wall time in milliseconds of `runs` runs of a command.
best_ms() {
  local best="" start end ms
  for ((i = 0; i < runs; ++i)); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    ms=$(((end - start) / 1000000))
    if [[ -z $best || $ms -lt $best ]]; then best=$ms; fi
  done
  echo "$best"
}

# A consumer project with `calls` add_db_migrations() calls over the same schema, given as
# `model`: SCHEMA schema.sql (default) or MODELS models.cpp.
make_project() {
  local dir=$1 calls=$2 model=${3:-SCHEMA schema.sql}
  mkdir -p "$dir"
  cp tests/cmake/consumer/schema.sql tests/cmake/consumer/models.cpp "$dir/"
  {
    echo 'cmake_minimum_required(VERSION 3.21)'
    echo 'project(Bench LANGUAGES CXX)'
    echo 'find_package(DbMigrate 1.0 REQUIRED)'
    echo 'enable_testing()'
    for ((i = 0; i < calls; ++i)); do
      echo "add_db_migrations(NAME set$i $model DIRECTORY migrations$i)"
    done
    if ((calls == 1)); then echo 'add_db_migrations(SCHEMA schema.sql)'; fi
  } >"$dir/CMakeLists.txt"
  cmake -S "$dir" -B "$dir/build" "${generator[@]}" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
}

# (a) db_upgrade with the database at head.
consumer="$work/consumer"
make_project "$consumer" 1
cmake --build "$consumer/build" --target db_init >/dev/null
DB_MESSAGE="create tables" cmake --build "$consumer/build" --target db_migrate >/dev/null
upgrade_works=yes
cmake --build "$consumer/build" --target db_upgrade >/dev/null 2>&1 || upgrade_works=no
noop_build=$(best_ms cmake --build "$consumer/build")
direct=$(best_ms "$prefix/bin/dbmigrate" upgrade --dir "$consumer/migrations" --url "sqlite:///$consumer/build/Bench.db")
target=$(best_ms cmake --build "$consumer/build" --target db_upgrade)

# (b) configure: 0 and 20 calls, reconfigured (the compiler is found once, by the first run).
make_project "$work/calls0" 0
make_project "$work/calls20" 20
configure0=$(best_ms cmake -S "$work/calls0" -B "$work/calls0/build")
configure20=$(best_ms cmake -S "$work/calls20" -B "$work/calls20/build")
per_call=$(awk -v a="$configure0" -v b="$configure20" 'BEGIN { printf "%.1f", (b - a) / 20 }')
# With MODELS, each call also adds the snapshot tool's executable (when the package has it).
if [[ -e $prefix/lib/libdbmigrate_snapshot_main.a || -e $prefix/lib64/libdbmigrate_snapshot_main.a ]]; then
  make_project "$work/models20" 20 "MODELS models.cpp"
  configure_models=$(best_ms cmake -S "$work/models20" -B "$work/models20/build")
  per_models_call=$(awk -v a="$configure0" -v b="$configure_models" 'BEGIN { printf "%.1f", (b - a) / 20 }')
fi

note=""
[[ $upgrade_works == yes ]] || note=" (dbmigrate has no working upgrade here: timings of a failing run)"
printf '\n%-58s %10s %8s\n' "CMake integration (best of $runs)" "ms" "goal"
printf '%-58s %10s %8s\n' "no-op build of the consumer (floor)" "$noop_build" ""
printf '%-58s %10s %8s\n' "dbmigrate upgrade at head, called directly (floor)" "$direct" ""
printf '%-58s %10s %8s\n' "cmake --build --target db_upgrade at head$note" "$target" "< 1000"
printf '%-58s %10s %8s\n' "configure, 0 add_db_migrations() calls" "$configure0" ""
printf '%-58s %10s %8s\n' "configure, 20 add_db_migrations() calls" "$configure20" ""
printf '%-58s %10s %8s\n' "one add_db_migrations(SCHEMA) call" "$per_call" "< 100"
if [[ -n ${per_models_call:-} ]]; then
  printf '%-58s %10s %8s\n' "configure, 20 add_db_migrations(MODELS) calls" "$configure_models" ""
  printf '%-58s %10s %8s\n' "one add_db_migrations(MODELS) call" "$per_models_call" "< 100"
fi
