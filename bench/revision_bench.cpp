// A large data revision through `dbmigrate upgrade` against the sqlite3 shell, printed as a
// table.
//   dbmigrate_revision_bench <path to dbmigrate> [MB ...]     (default: 8 100)
// For each size, one revision whose upgrade section is a CREATE TABLE and MB megabytes of
// single-row INSERTs is applied to an empty database by dbmigrate, and the same SQL is run by
// the sqlite3 shell in one transaction (BEGIN; ...; COMMIT;), as the floor. Run time must grow
// with the section's size, not with its square.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "dbmigrate/revision.hpp"
#include "process_time.hpp"

namespace fs = std::filesystem;
using namespace dbmigrate;
using bench::median;
using bench::run_ms;

namespace {

// CREATE TABLE and INSERTs of about 100 bytes each, up to `bytes`.
std::string data_migration(std::size_t bytes) {
  std::string sql =
      "CREATE TABLE readings (id INTEGER PRIMARY KEY, sensor TEXT NOT NULL, "
      "value REAL, note TEXT);";
  sql.reserve(bytes + 200);
  for (int id = 1; sql.size() < bytes; ++id) {
    sql += fmt::format(
        "\nINSERT INTO readings (id, sensor, value, note) VALUES ({}, 'sensor-{}', "
        "{}.25, 'imported from the old system');",
        id, id % 97, id % 1000);
  }
  return sql;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: dbmigrate_revision_bench <path to dbmigrate> [MB ...]\n");
    return 2;
  }
  const std::string dbmigrate = fs::absolute(argv[1]).string();
  std::vector<int> sizes;
  for (int i = 2; i < argc; ++i) sizes.push_back(std::atoi(argv[i]));
  if (sizes.empty()) sizes = {8, 100};
  const fs::path dir =
      fs::temp_directory_path() / fmt::format("dbmigrate-revision-bench-{}", ::getpid());

  fmt::print("{:<58} {:>11} {:>11} {:>7}  {}\n", "large revision benchmark (median of 3)",
             "dbmigrate", "floor", "ratio", "goal");
  for (const int megabytes : sizes) {
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::current_path(dir);
    run_ms({dbmigrate, "init"});
    Revision revision{.id = "da7a00000001",
                      .create_date = "2026-11-29 10:00:00+00:00",
                      .message = "import readings"};
    revision.upgrade_sql = data_migration(static_cast<std::size_t>(megabytes) << 20);
    revision.downgrade_sql = "DROP TABLE readings;";
    std::ofstream(dir / "migrations/versions" / revision_filename(revision.id, revision.message))
        << format_revision(revision);
    std::ofstream("floor.sql") << "BEGIN;\n" << revision.upgrade_sql << "\nCOMMIT;\n";

    std::vector<double> ours, shell;
    for (int run = 0; run < 3; ++run) {
      fs::remove("ours.db");
      fs::remove("shell.db");
      ours.push_back(run_ms({dbmigrate, "upgrade", "--url", "sqlite:///ours.db"}));
      shell.push_back(run_ms({"sqlite3", "shell.db"}, "floor.sql"));
    }
    const double ratio = median(ours) / median(shell);
    fmt::print(
        "{:<58} {:>8.1f} ms {:>8.1f} ms {:>6.2f}x  {}\n",
        fmt::format("upgrade, one revision of {} MB of INSERTs (floor: sqlite3 shell)", megabytes),
        median(ours), median(shell), ratio, "<= 1.5x");
  }
  fs::current_path(fs::temp_directory_path());
  fs::remove_all(dir);
  return 0;
}
