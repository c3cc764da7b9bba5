// Progress of a long revision, through SQLite's progress handler: the reporter hears which
// statement is still running once the revision has run for a while, then at most once per
// interval.
#pragma once

#include <chrono>
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

  // The statement about to run (its first line is reported).
  void statement(std::string_view text);

 private:
  static int tick(void* self) noexcept;

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
};

}  // namespace dbmigrate::runner
