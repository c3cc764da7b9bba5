// `dbmigrate check` on a generated history, beside `upgrade` of the same chain, printed as a
// table.
//   dbmigrate_check_bench <path to dbmigrate> [--prepare N DIR]
// For 500 and 1,000 small revisions (bench/revision_chain.hpp), a project whose schema.json is
// the chain's schema at head is checked (the replay of every revision, with each one's
// downgrade and upgrade again, in memory), and the chain is applied to an empty database file.
// The gate must stay under 1.5 s at 500 revisions and grow linearly with the history.
//
// Beside it, the floor: the sqlite3 shell running the same statements in the same order, on an
// in-memory database (each revision's upgrade, its downgrade, its upgrade again, each in a
// transaction). SQLite reparses the whole schema on every ALTER TABLE ADD/DROP COLUMN, so the
// floor itself grows with the square of the history on a chain whose schema grows; the row
// "check - floor" is what DbMigrate adds, and that part should be linear.
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "dbmigrate/dialect_registry.hpp"
#include "dbmigrate/revision.hpp"
#include "dbmigrate/snapshot_json.hpp"
#include "process_time.hpp"
#include "revision_chain.hpp"

namespace fs = std::filesystem;
using namespace dbmigrate;
using bench::median;
using bench::run_ms;

namespace {

// A migrations folder in `dir` with `count` revisions and schema.json at their head.
void prepare_project(const std::string& dbmigrate, const fs::path& dir, int count) {
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::current_path(dir);
  run_ms({dbmigrate, "init"});
  const std::string head = bench::write_chain(dir / "migrations/versions", count);
  run_ms({dbmigrate, "upgrade", "--url", "sqlite:///head.db"});
  Snapshot snapshot = dialect_named("sqlite").inspect((dir / "head.db").string());
  snapshot.head = head;
  std::ofstream(dir / "migrations/schema.json") << to_json(snapshot);
  fs::remove(dir / "head.db");
}

struct Figures {
  double check = 0;
  double floor = 0;
  double upgrade = 0;
};

// The statements `check` runs on its scratch database, for the sqlite3 shell.
void write_stairway(const fs::path& versions, const fs::path& script) {
  const RevisionGraph graph(load_revisions(versions));
  std::ofstream out(script);
  for (const auto& revision : graph.revisions()) {
    for (const std::string* sql :
         {&revision.upgrade_sql, &revision.downgrade_sql, &revision.upgrade_sql}) {
      out << "BEGIN;\n" << *sql << "\nCOMMIT;\n";
    }
  }
}

Figures measure(const std::string& dbmigrate, const fs::path& dir, int count) {
  prepare_project(dbmigrate, dir, count);
  write_stairway(dir / "migrations/versions", dir / "stairway.sql");
  std::vector<double> check, floor, upgrade;
  for (int run = 0; run < 3; ++run) {
    check.push_back(run_ms({dbmigrate, "check"}));
    floor.push_back(run_ms({"sqlite3", ":memory:"}, (dir / "stairway.sql").string()));
    fs::remove("ours.db");
    upgrade.push_back(run_ms({dbmigrate, "upgrade", "--url", "sqlite:///ours.db"}));
  }
  return {median(check), median(floor), median(upgrade)};
}

}  // namespace

int main(int argc, char** argv) {
  const bool prepare = argc == 5 && std::string_view(argv[2]) == "--prepare";
  if (argc != 2 && !prepare) {
    fmt::print(stderr,
               "usage: dbmigrate_check_bench <path to dbmigrate> [--prepare N DIR]\n"
               "  --prepare N DIR  only write a project of N revisions, schema.json at head, into\n"
               "                   DIR, for profiling `dbmigrate check` by hand\n");
    return 2;
  }
  const std::string dbmigrate = fs::absolute(argv[1]).string();
  if (prepare) {
    prepare_project(dbmigrate, fs::absolute(argv[4]), std::stoi(argv[3]));
    return 0;
  }
  const fs::path dir =
      fs::temp_directory_path() / fmt::format("dbmigrate-check-bench-{}", ::getpid());
  const Figures small = measure(dbmigrate, dir, 500);
  const Figures large = measure(dbmigrate, dir, 1000);
  fs::current_path(fs::temp_directory_path());
  fs::remove_all(dir);

  auto row = [](std::string_view what, double ms, std::string_view goal) {
    fmt::print("{:<58} {:>8.1f} ms  {}\n", what, ms, goal);
  };
  fmt::print("{:<58} {:>11}  {}\n", "check benchmark (median of 3)", "dbmigrate", "goal");
  row("check, 500 revisions", small.check, "< 1500 ms");
  row("check, 1,000 revisions", large.check, "");
  row("floor: sqlite3 shell, same statements, 500 revisions", small.floor, "");
  row("floor: sqlite3 shell, same statements, 1,000 revisions", large.floor, "");
  row("check - floor, 500 revisions (DbMigrate's own part)", small.check - small.floor, "");
  row("check - floor, 1,000 revisions", large.check - large.floor, "");
  row("upgrade, empty -> 500 revisions", small.upgrade, "");
  row("upgrade, empty -> 1,000 revisions", large.upgrade, "");
  fmt::print("{:<58} {:>10.2f}x  {}\n", "check: 1,000 revisions / 500 revisions",
             large.check / small.check, "<= 2.2x (linear)");
  fmt::print("{:<58} {:>10.2f}x\n", "floor: 1,000 revisions / 500 revisions",
             large.floor / small.floor);
  fmt::print("{:<58} {:>10.2f}x  {}\n", "check - floor: 1,000 revisions / 500 revisions",
             (large.check - large.floor) / (small.check - small.floor), "<= 2.2x (linear)");
  fmt::print("{:<58} {:>10.2f}x\n", "upgrade: 1,000 revisions / 500 revisions",
             large.upgrade / small.upgrade);
  return 0;
}
