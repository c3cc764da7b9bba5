// Progress of a long revision, through SQLite's progress handler: the reporter hears which
// statement is still running once the revision has run for a while, then at most once per
// interval.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "dbmigrate/runner.hpp"
#include "dialect/sqlite/connection.hpp"

namespace dbmigrate::runner {

class ProgressWatch {
 public:
  // Installs the handler only when the reporter wants progress; removes it on destruction.
  ProgressWatch(sqlite::Connection& connection, const Revision& revision, Reporter& reporter,
                const RunnerOptions& options);
  ProgressWatch(const ProgressWatch&) = delete;
  ProgressWatch& operator=(const ProgressWatch&) = delete;
  ~ProgressWatch();

  // The statement about to run (its first line is reported). When it copies rows into a
  // table being rebuilt, the rows copied so far are counted for the report.
  void statement(std::string_view text);
  // The statement has finished: stop counting.
  void statement_done();

 private:
  static int tick(void* self) noexcept;
  static void count_row(sqlite3_context* context, int, sqlite3_value**) noexcept;

  using Clock = std::chrono::steady_clock;
  sqlite3* db_;
  const Revision& revision_;
  Reporter& reporter_;
  std::chrono::milliseconds after_;
  std::chrono::milliseconds interval_;
  bool active_;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_report_{};
  bool reported_ = false;
  std::string statement_;
  bool counting_ = false;
  std::int64_t rows_ = 0;
};

// The table a rebuild copies into, when `statement` is such a copy
// (`INSERT INTO _dbmigrate_new_<table> ...`); empty otherwise.
[[nodiscard]] std::string rebuild_copy_target(std::string_view statement);

}  // namespace dbmigrate::runner
