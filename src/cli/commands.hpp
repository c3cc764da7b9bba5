// The `dbmigrate` commands: each parses nothing, prints its result, returns the exit code.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace dbmigrate::cli {

struct CommonOptions {
  std::string dir = "migrations";
  std::string url;    // --url, else DATABASE_URL, else the project setting
  std::string model;  // --model, else the project setting
  // --lock-timeout: how long to wait for another run's lock on the database or the folder.
  std::chrono::milliseconds lock_timeout{30000};
};

struct RunOptions {
  std::string target;
  bool sql = false;
  bool allow_changed = false;
  bool drop_unknown = false;
};

// history, heads, current, branches: `-v` prints each revision's details, `history -r` a range
// (docs/cli.md).
struct ListOptions {
  bool verbose = false;
  std::string range;  // START:END; empty: every revision
  // history: mark the current revision of the project's database too (without --url).
  bool indicate_current = false;
};

int run_upgrade(const CommonOptions& options, const RunOptions& run);
int run_downgrade(const CommonOptions& options, const RunOptions& run);
int run_stamp(const CommonOptions& options, const RunOptions& run);
int run_current(const CommonOptions& options, const ListOptions& list);
int run_branches(const CommonOptions& options, const ListOptions& list);
int run_merge(const CommonOptions& options, const std::string& message,
              const std::vector<std::string>& revisions);
int run_check(const CommonOptions& options);
// The recovery commands (cli/recovery.cpp).
int run_remove(const CommonOptions& options);
int run_rebuild_schema(const CommonOptions& options);

int run_init(const CommonOptions& options);
int run_migrate(const CommonOptions& options, const std::string& message);
int run_revision(const CommonOptions& options, const std::string& message);
int run_heads(const CommonOptions& options, const ListOptions& list);
int run_history(const CommonOptions& options, const ListOptions& list);
int run_show(const CommonOptions& options, const std::string& revision);
// `format`: json, mermaid or dot.
int run_snapshot(const std::string& source, const std::string& format);
// With `exit_code`: 1 when the two sides differ (as `git diff --exit-code`).
int run_diff(const std::string& from, const std::string& to, bool sql, bool exit_code);

}  // namespace dbmigrate::cli
