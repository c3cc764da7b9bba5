// Progress of a long revision, through SQLite's progress handler: the reporter hears which
// statement is still running once the revision has run for a while, then at most once per
// interval.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dbmigrate/runner.hpp"
#include "dialect/sqlite/connection.hpp"

namespace dbmigrate::sqlite {

struct ProgressTiming {
  std::chrono::milliseconds after;     // first report once the revision ran this long
  std::chrono::milliseconds interval;  // then at most one per interval
};

class ProgressWatch {
 public:
  // Installs the handler only when the reporter wants progress; removes it on destruction.
  // `rebuilt`: the tables the section rebuilds, as its headers say; nullopt for a revision
  // that does not say (its copies are then told by their text).
  ProgressWatch(Connection& connection, const Revision& revision, Reporter& reporter,
                ProgressTiming timing, const std::optional<std::vector<std::string>>& rebuilt);
  ProgressWatch(const ProgressWatch&) = delete;
  ProgressWatch& operator=(const ProgressWatch&) = delete;
  ~ProgressWatch();

  // The next statement is being prepared: SQLite says then which table it inserts into.
  void preparing();
  // The statement about to run (its first line is reported). When it copies rows into a
  // table being rebuilt, the rows copied so far are counted for the report.
  void statement(std::string_view text);
  // The statement has finished: stop counting.
  void statement_done();

 private:
  static int tick(void* self) noexcept;
  static void count_row(sqlite3_context* context, int, sqlite3_value**) noexcept;
  static int authorize(void* self, int action, const char* table, const char*, const char*,
                       const char* trigger) noexcept;
  [[nodiscard]] std::string copy_target(std::string_view text) const;

  using Clock = std::chrono::steady_clock;
  sqlite3* db_;
  const Revision& revision_;
  Reporter& reporter_;
  ProgressTiming timing_;
  bool active_;
  std::optional<std::vector<std::string>> copies_;  // the rebuilds' copy tables, when known
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_report_{};
  bool reported_ = false;
  std::string statement_;
  bool preparing_ = false;
  std::string inserts_into_;  // the table the statement being prepared inserts into
  bool counting_ = false;
  std::int64_t rows_ = 0;
};

}  // namespace dbmigrate::sqlite
