// Benchmarks of the `dbmigrate` command line against the sqlite3 shell, printed as a table.
//   dbmigrate_cli_bench <path to dbmigrate>
// A 500-revision chain (each revision adds a table or a column) is applied from empty and
// reverted to base, by dbmigrate and by the sqlite3 shell running the same SQL, one
// transaction per revision (the script `upgrade --sql` prints); a no-op upgrade and
// `current` at head are timed as whole processes.
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "dbmigrate/revision.hpp"
#include "dbmigrate/runner.hpp"
#include "process_time.hpp"
#include "revision_chain.hpp"

namespace fs = std::filesystem;
using namespace dbmigrate;
using bench::median;
using bench::run_ms;
using bench::write_chain;

int main(int argc, char** argv) {
  const bool prepare = argc == 4 && std::string_view(argv[2]) == "--prepare";
  if (argc != 2 && !prepare) {
    fmt::print(stderr,
               "usage: dbmigrate_cli_bench <path to dbmigrate> [--prepare DIR]\n"
               "  --prepare DIR  only write the 500-revision project into DIR and upgrade DIR/ours.db\n"
               "                 to head, for profiling a no-op run by hand\n");
    return 2;
  }
  const std::string dbmigrate = fs::absolute(argv[1]).string();
  const fs::path dir =
      prepare ? fs::absolute(argv[3]) : fs::temp_directory_path() / fmt::format("dbmigrate-cli-bench-{}", ::getpid());
  fs::create_directories(dir);
  fs::current_path(dir);
  run_ms({dbmigrate, "init"});
  const int revisions = 500;
  write_chain(dir / "migrations/versions", revisions);
  if (prepare) {
    run_ms({dbmigrate, "upgrade", "--url", "sqlite:///ours.db"});
    return 0;
  }
  const RevisionGraph graph(load_revisions(dir / "migrations/versions"));
  std::ofstream("up.sql") << render_upgrade_sql(graph, {}, "heads");
  std::ofstream("down.sql") << render_downgrade_sql(graph, graph.heads(), "base");

  std::vector<double> ours_up, ours_down, shell_up, shell_down;
  for (int run = 0; run < 3; ++run) {
    fs::remove("ours.db");
    fs::remove("shell.db");
    ours_up.push_back(run_ms({dbmigrate, "upgrade", "--url", "sqlite:///ours.db"}));
    shell_up.push_back(run_ms({"sqlite3", "shell.db"}, "up.sql"));
    // Backups (destructive revisions) are part of a real downgrade run; keep them out of
    // the comparison by removing them afterwards only.
    ours_down.push_back(run_ms({dbmigrate, "downgrade", "base", "--url", "sqlite:///ours.db"}));
    shell_down.push_back(run_ms({"sqlite3", "shell.db"}, "down.sql"));
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().filename().string().starts_with("ours.db.backup")) fs::remove(entry.path());
    }
  }
  run_ms({dbmigrate, "upgrade", "--url", "sqlite:///ours.db"});
  std::vector<double> noop, current;
  for (int run = 0; run < 21; ++run) {
    noop.push_back(run_ms({dbmigrate, "upgrade", "--url", "sqlite:///ours.db"}));
    current.push_back(run_ms({dbmigrate, "current", "--url", "sqlite:///ours.db"}));
  }
  std::vector<double> version;
  for (int run = 0; run < 21; ++run) version.push_back(run_ms({dbmigrate, "--version"}));
  fs::current_path(fs::temp_directory_path());
  fs::remove_all(dir);

  auto row = [](std::string_view what, double ours, double floor, std::string_view goal) {
    fmt::print("{:<58} {:>8.1f} ms {:>8} {:>7}  {}\n", what, ours, floor > 0 ? fmt::format("{:.1f} ms", floor) : "-",
               floor > 0 ? fmt::format("{:.2f}x", ours / floor) : "", goal);
  };
  fmt::print("{:<58} {:>11} {:>11} {:>7}  {}\n", "command-line benchmark (median)", "dbmigrate", "floor", "ratio", "goal");
  row(fmt::format("upgrade, empty -> {} revisions (floor: sqlite3 shell)", revisions), median(ours_up), median(shell_up),
      "<= 1.5x");
  row(fmt::format("downgrade base, {} revisions (floor: sqlite3 shell)", revisions), median(ours_down),
      median(shell_down), "<= 1.5x");
  row(fmt::format("no-op upgrade at head ({} revisions)", revisions), median(noop), 0, "< 10 ms");
  row(fmt::format("current at head ({} revisions)", revisions), median(current), 0, "< 10 ms");
  row("dbmigrate --version (process start-up alone)", median(version), 0, "");
  return 0;
}
