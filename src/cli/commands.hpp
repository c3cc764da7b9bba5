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

int run_upgrade(const CommonOptions& options, const RunOptions& run);
int run_downgrade(const CommonOptions& options, const RunOptions& run);
int run_stamp(const CommonOptions& options, const RunOptions& run);
int run_current(const CommonOptions& options);
int run_branches(const CommonOptions& options);
int run_merge(const CommonOptions& options, const std::string& message,
              const std::vector<std::string>& revisions);
int run_check(const CommonOptions& options);
// The recovery commands (cli/recovery.cpp).
int run_remove(const CommonOptions& options);
int run_rebuild_schema(const CommonOptions& options);

int run_init(const CommonOptions& options);
int run_migrate(const CommonOptions& options, const std::string& message);
int run_revision(const CommonOptions& options, const std::string& message);
int run_heads(const CommonOptions& options);
// Marks the database's current revision(s) when a database is given, or with indicate_current.
int run_history(const CommonOptions& options, bool indicate_current);
int run_show(const CommonOptions& options, const std::string& revision);
int run_snapshot(const std::string& source);
// With `exit_code`: 1 when the two sides differ (as `git diff --exit-code`).
int run_diff(const std::string& from, const std::string& to, bool sql, bool exit_code);

}  // namespace dbmigrate::cli
