// SQLite calls tick() every few thousand virtual-machine instructions; it only reads the clock
// until a report is due, so a revision pays almost nothing for being watched.
#include "runner/progress.hpp"

#include <fmt/format.h>

#include <cctype>

#include "dbmigrate/sqlite.hpp"
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
  if (active_) {
    sqlite3_progress_handler(db_, instructions_per_tick, &ProgressWatch::tick, this);
    sqlite3_create_function(db_, "dbmigrate_row_copied", 0, SQLITE_UTF8, this,
                            &ProgressWatch::count_row, nullptr, nullptr);
  }
}

ProgressWatch::~ProgressWatch() {
  if (!active_) return;
  statement_done();
  sqlite3_progress_handler(db_, 0, nullptr, nullptr);
  sqlite3_create_function(db_, "dbmigrate_row_copied", 0, SQLITE_UTF8, nullptr, nullptr, nullptr,
                          nullptr);
}

void ProgressWatch::statement(std::string_view text) {
  rows_ = 0;
  if (!active_) return;  // every statement of a section passes here: nothing to keep
  statement_ = first_line_of(text);
  // A temporary trigger counts the rows of a rebuild's copy as they go in (only on a
  // terminal: it costs the copy a function call a row).
  const std::string target = rebuild_copy_target(text);
  if (target.empty()) return;
  const std::string sql = fmt::format(
      "CREATE TEMP TRIGGER _dbmigrate_count_rows AFTER INSERT ON main.{} BEGIN SELECT "
      "dbmigrate_row_copied(); END",
      SqliteDialect().quote_identifier(target));
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

std::string rebuild_copy_target(std::string_view statement) {
  auto skip_space = [&](std::size_t i) {
    while (i < statement.size() && std::isspace(static_cast<unsigned char>(statement[i]))) ++i;
    return i;
  };
  auto word = [&](std::size_t i, std::string_view expected) {
    if (statement.size() < i + expected.size()) return false;
    for (std::size_t k = 0; k < expected.size(); ++k) {
      if (std::toupper(static_cast<unsigned char>(statement[i + k])) != expected[k]) return false;
    }
    return true;
  };
  std::size_t i = skip_space(0);
  if (!word(i, "INSERT")) return {};
  i = skip_space(i + 6);
  if (word(i, "OR")) {  // INSERT OR ABORT INTO: a rebuild's copy
    i = skip_space(i + 2);
    if (!word(i, "ABORT")) return {};
    i = skip_space(i + 5);
  }
  if (!word(i, "INTO")) return {};
  i = skip_space(i + 4);
  std::string name;
  if (i < statement.size() && statement[i] == '"') {
    for (++i; i < statement.size(); ++i) {
      if (statement[i] == '"') {
        if (i + 1 < statement.size() && statement[i + 1] == '"') {
          name += '"';
          ++i;
          continue;
        }
        break;
      }
      name += statement[i];
    }
  } else {
    while (i < statement.size() &&
           (std::isalnum(static_cast<unsigned char>(statement[i])) || statement[i] == '_')) {
      name += statement[i++];
    }
  }
  return name.starts_with("_dbmigrate_new_") ? name : std::string();
}

int ProgressWatch::tick(void* self) noexcept {
  auto& watch = *static_cast<ProgressWatch*>(self);
  const auto now = Clock::now();
  if (now - watch.start_ < watch.after_) return 0;
  if (watch.reported_ && now - watch.last_report_ < watch.interval_) return 0;
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

}  // namespace dbmigrate::runner
