// SQLite splits the section (sqlite3_prepare_v2's tail pointer), so statements are cut exactly
// where SQLite cuts them, triggers' inner semicolons included; each is prepared only after the
// previous one ran, as it may use a table that one created.
#include "dialect/sqlite/statement_loop.hpp"

#include <fmt/format.h>

#include <memory>

#include "dbmigrate/error.hpp"
#include "dialect/sqlite/statement_text.hpp"
#include "revision/section_text.hpp"

namespace dbmigrate::sqlite {
namespace {

struct Finalize {
  void operator()(sqlite3_stmt* statement) const noexcept { sqlite3_finalize(statement); }
};
using StatementPtr = std::unique_ptr<sqlite3_stmt, Finalize>;

std::string revision_label(const Revision& revision) {
  if (revision.path.empty()) return fmt::format("revision {}", revision.id);
  return fmt::format("revision {} ({})", revision.id, revision.path.string());
}

using section_text::first_line_of;

// `file:line` of the statement at `offset` of the section.
std::string where(const SectionRun& section, std::size_t offset) {
  const auto& revision = section.revision;
  if (revision.path.empty() || section.first_line == 0) {
    return fmt::format("revision {} ({} section, line {})", revision.id, section.direction,
                       section_text::line_of(section.sql, offset, 1));
  }
  return fmt::format("{}:{}", revision.path.string(),
                     section_text::line_of(section.sql, offset, section.first_line));
}

[[noreturn]] void statement_failed(sqlite3* db, const SectionRun& section, std::size_t offset,
                                   std::string_view statement) {
  const auto& revision = section.revision;
  const auto direction = section.direction;
  if (const auto fault = environment_fault(sqlite3_extended_errcode(db))) {
    // Not the statement's fault: say what is, and that the revision is fine as it is.
    throw Error(ErrorKind::input,
                fmt::format("{}: {} ({}, SQLite error {}) while running statement '{}'; {} {} was "
                            "rolled back and the version table left as it was — {}",
                            where(section, offset), fault->cause, sqlite3_errmsg(db),
                            sqlite3_extended_errcode(db), first_line_of(statement), direction,
                            revision.id, fault->advice));
  }
  throw Error(ErrorKind::database,
              fmt::format("{}: statement '{}' failed: {} (SQLite error {}); {} {} was rolled "
                          "back and the version table left as it was — fix the statement and "
                          "run {} again",
                          where(section, offset), first_line_of(statement), sqlite3_errmsg(db),
                          sqlite3_extended_errcode(db), direction, revision.id, direction));
}

[[noreturn]] void unreadable_text(const SectionRun& section, std::size_t offset) {
  const auto& revision = section.revision;
  throw Error(ErrorKind::input,
              fmt::format("{}: SQLite reads no statement here (a NUL byte?), so the rest of the "
                          "{} section would not run; remove the stray bytes (nothing of {} was "
                          "applied)",
                          where(section, offset), section.direction, revision.id));
}

}  // namespace

void run_section(Connection& connection, const SectionRun& section, ProgressWatch& watch) {
  sqlite3* db = connection.handle();
  const auto& revision = section.revision;
  const std::string_view sql = section.sql;
  std::size_t offset = 0;
  while ((offset = section_text::skip_blanks_and_comments(sql, offset)) < sql.size()) {
    const char* start = sql.data() + offset;
    const char* tail = nullptr;
    sqlite3_stmt* raw = nullptr;
    watch.preparing();
    // The length counts the string's terminating NUL: SQLite copies text that does not end in
    // one, which for every statement of a large section would be the whole rest of it.
    const int prepared =
        sqlite3_prepare_v2(db, start, static_cast<int>(sql.size() - offset + 1), &raw, &tail);
    StatementPtr statement(raw);
    const auto text = std::string_view(start, static_cast<std::size_t>(tail - start));
    if (prepared != SQLITE_OK) statement_failed(db, section, offset, text);
    if (!statement) {
      // No statement before the end of the text: SQLite stopped at a NUL byte, and whatever
      // follows it would silently not run.
      if (tail == start) unreadable_text(section, offset);
      offset = static_cast<std::size_t>(tail - sql.data());
      continue;
    }
    if (controls_transaction(text)) {
      throw Error(ErrorKind::input,
                  fmt::format("{}: statement '{}' would end the transaction the runner keeps "
                              "around each revision; remove it, as every revision already runs "
                              "in its own transaction (nothing of {} was applied)",
                              where(section, offset), first_line_of(text), revision.id));
    }
    if (!section_text::is_foreign_keys_off(text)) {
      watch.statement(text);
      int rc;
      while ((rc = sqlite3_step(statement.get())) == SQLITE_ROW) {
      }
      watch.statement_done();
      if (rc != SQLITE_DONE) statement_failed(db, section, offset, text);
    }
    offset = static_cast<std::size_t>(tail - sql.data());
  }
}

void check_foreign_keys(Connection& connection, const Revision& revision,
                        std::string_view direction) {
  auto check = connection.prepare("PRAGMA foreign_key_check");
  bool violation = false;
  try {
    violation = check.step();
  } catch (const Error& error) {
    // "foreign key mismatch": a foreign key names a column that is not a key of its parent.
    throw Error(
        ErrorKind::database,
        fmt::format(
            "{}: the foreign keys no longer fit the tables after it ({}); {} {} was rolled back",
            revision_label(revision), error.what(), direction, revision.id));
  }
  if (!violation) return;
  const auto table = check.text(0);
  const auto row = check.is_null(1) ? std::string("a row") : "rowid " + check.text(1);
  const auto parent = check.text(2);
  throw Error(
      ErrorKind::database,
      fmt::format("{} leaves {} of table '{}' referring to a missing row of '{}' "
                  "(PRAGMA foreign_key_check); {} {} was rolled back — fix the revision "
                  "so that every foreign key still matches, and run {} again",
                  revision_label(revision), row, table, parent, direction, revision.id, direction));
}

}  // namespace dbmigrate::sqlite
