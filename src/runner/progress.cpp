// SQLite calls tick() every few thousand virtual-machine instructions; it only reads the clock
// until a report is due, so a revision pays almost nothing for being watched.
#include "runner/progress.hpp"

#include "runner/section.hpp"

namespace dbmigrate::runner {
namespace {

constexpr int instructions_per_tick = 10000;

}  // namespace

ProgressWatch::ProgressWatch(sqlite::Connection& connection, const Revision& revision,
                             Reporter& reporter, const RunnerOptions& options)
    : db_(connection.handle()),
      revision_(revision),
      reporter_(reporter),
      after_(options.progress_after),
      interval_(options.progress_interval),
      active_(reporter.wants_progress()) {
  if (active_) sqlite3_progress_handler(db_, instructions_per_tick, &ProgressWatch::tick, this);
}

ProgressWatch::~ProgressWatch() {
  if (active_) sqlite3_progress_handler(db_, 0, nullptr, nullptr);
}

void ProgressWatch::statement(std::string_view text) {
  statement_ = first_line_of(text);
}

int ProgressWatch::tick(void* self) noexcept {
  auto& watch = *static_cast<ProgressWatch*>(self);
  const auto now = Clock::now();
  if (now - watch.start_ < watch.after_) return 0;
  if (watch.reported_ && now - watch.last_report_ < watch.interval_) return 0;
  watch.reported_ = true;
  watch.last_report_ = now;
  try {
    watch.reporter_.progress(watch.revision_, watch.statement_,
                             std::chrono::duration_cast<std::chrono::seconds>(now - watch.start_));
  } catch (...) {
    // A reporter that cannot print must not abort the migration.
  }
  return 0;  // non-zero would interrupt the statement
}

}  // namespace dbmigrate::runner
