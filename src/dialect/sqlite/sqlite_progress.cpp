// SQLite calls tick() every few thousand virtual-machine instructions; it only reads the clock
// until a report is due, so a revision pays almost nothing for being watched.
#include "dialect/sqlite/sqlite_progress.hpp"

#include <fmt/format.h>

#include "dialect/sqlite/statement_text.hpp"
#include "revision/section_text.hpp"

#include "dbmigrate/sqlite.hpp"
#include "dialect/sqlite/sql_tokens.hpp"

namespace dbmigrate::sqlite {
namespace {

constexpr int instructions_per_tick = 10000;

}  // namespace

ProgressWatch::ProgressWatch(Connection& connection, const Revision& revision, Reporter& reporter,
                             ProgressTiming timing,
                             const std::optional<std::vector<std::string>>& rebuilt)
    : db_(connection.handle()),
      revision_(revision),
      reporter_(reporter),
      timing_(timing),
      active_(reporter.wants_progress()) {
  if (!active_) return;
  sqlite3_progress_handler(db_, instructions_per_tick, &ProgressWatch::tick, this);
  sqlite3_create_function(db_, "dbmigrate_row_copied", 0, SQLITE_UTF8, this,
                          &ProgressWatch::count_row, nullptr, nullptr);
  if (rebuilt) {
    copies_.emplace();
    for (const auto& table : *rebuilt) copies_->push_back(rebuild_copy_name(table));
    if (!copies_->empty()) sqlite3_set_authorizer(db_, &ProgressWatch::authorize, this);
  }
}

ProgressWatch::~ProgressWatch() {
  if (!active_) return;
  statement_done();
  sqlite3_progress_handler(db_, 0, nullptr, nullptr);
  sqlite3_create_function(db_, "dbmigrate_row_copied", 0, SQLITE_UTF8, nullptr, nullptr, nullptr,
                          nullptr);
  if (copies_ && !copies_->empty()) sqlite3_set_authorizer(db_, nullptr, nullptr);
}

void ProgressWatch::preparing() {
  preparing_ = true;
  inserts_into_.clear();
}

int ProgressWatch::authorize(void* self, int action, const char* table, const char*, const char*,
                             const char* trigger) noexcept {
  auto& watch = *static_cast<ProgressWatch*>(self);
  // The statement's own first INSERT, not one a trigger of its table does.
  if (watch.preparing_ && action == SQLITE_INSERT && trigger == nullptr && table != nullptr &&
      watch.inserts_into_.empty()) {
    watch.inserts_into_ = table;
  }
  return SQLITE_OK;
}

// The rebuild copy table `text` inserts into; empty when it is no such copy.
std::string ProgressWatch::copy_target(std::string_view text) const {
  if (!copies_) return rebuild_copy_target(text);
  for (const auto& copy : *copies_) {
    if (copy == inserts_into_) return copy;
  }
  return {};
}

void ProgressWatch::statement(std::string_view text) {
  preparing_ = false;
  rows_ = 0;
  if (!active_) return;  // every statement of a section passes here: nothing to keep
  statement_ = section_text::first_line_of(text);
  // A temporary trigger counts the rows of a rebuild's copy as they go in (only on a
  // terminal: it costs the copy a function call a row).
  const std::string target = copy_target(text);
  if (target.empty()) return;
  const std::string sql = fmt::format(
      "CREATE TEMP TRIGGER _dbmigrate_count_rows AFTER INSERT ON main.{} BEGIN SELECT "
      "dbmigrate_row_copied(); END",
      sqlite::quote_identifier(target));
  counting_ = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
}

void ProgressWatch::statement_done() {
  if (!counting_) return;
  sqlite3_exec(db_, "DROP TRIGGER IF EXISTS temp._dbmigrate_count_rows", nullptr, nullptr, nullptr);
  counting_ = false;
}

void ProgressWatch::count_row(sqlite3_context* context, int, sqlite3_value**) noexcept {
  ++static_cast<ProgressWatch*>(sqlite3_user_data(context))->rows_;
  sqlite3_result_null(context);
}

int ProgressWatch::tick(void* self) noexcept {
  auto& watch = *static_cast<ProgressWatch*>(self);
  const auto now = Clock::now();
  if (now - watch.start_ < watch.timing_.after) return 0;
  if (watch.reported_ && now - watch.last_report_ < watch.timing_.interval) return 0;
  watch.reported_ = true;
  watch.last_report_ = now;
  try {
    const std::string what = watch.counting_
                                 ? fmt::format("{} ({} rows copied)", watch.statement_, watch.rows_)
                                 : watch.statement_;
    watch.reporter_.progress(watch.revision_, what,
                             std::chrono::duration_cast<std::chrono::seconds>(now - watch.start_));
  } catch (...) {
    // A reporter that cannot print must not abort the migration.
  }
  return 0;  // non-zero would interrupt the statement
}

}  // namespace dbmigrate::sqlite
