// SQLite splits the section (sqlite3_prepare_v2's tail pointer), so statements are cut exactly
// where SQLite cuts them, triggers' inner semicolons included; each is prepared only after the
// previous one ran, as it may use a table that one created.
#include "runner/execute.hpp"

#include <fmt/format.h>

#include <optional>

#include "dbmigrate/error.hpp"
#include "runner/section.hpp"

namespace dbmigrate::runner {
namespace {

std::string revision_label(const Revision& revision) {
  if (revision.path.empty()) return fmt::format("revision {}", revision.id);
  return fmt::format("revision {} ({})", revision.id, revision.path.string());
}

// `file:line` of the statement at `offset` of the section.
std::string where(const Revision& revision, Direction direction, std::size_t offset) {
  const auto& sql = section_of(revision, direction);
  const int first_line =
      direction == Direction::upgrade ? revision.upgrade_first_line : revision.downgrade_first_line;
  if (revision.path.empty() || first_line == 0) {
    return fmt::format("revision {} ({} section, line {})", revision.id, direction_name(direction),
                       line_of(sql, offset, 1));
  }
  return fmt::format("{}:{}", revision.path.string(), line_of(sql, offset, first_line));
}

[[noreturn]] void statement_failed(const DatabaseError& error, const Revision& revision,
                                   Direction direction, std::size_t offset,
                                   std::string_view statement) {
  if (const auto fault = sqlite::environment_fault(error.code())) {
    // Not the statement's fault: say what is, and that the revision is fine as it is.
    throw DatabaseError(
        error, ErrorKind::input,
        fmt::format("{}: {} ({}, SQLite error {}) while running statement '{}'; {} {} was "
                    "rolled back and the version table left as it was — {}",
                    where(revision, direction, offset), fault->cause, error.reason(), error.code(),
                    first_line_of(statement), direction_name(direction), revision.id,
                    fault->advice));
  }
  throw DatabaseError(
      error, ErrorKind::database,
      fmt::format("{}: statement '{}' failed: {} (SQLite error {}); {} {} was rolled back and the "
                  "version table left as it was — fix the statement and run {} again",
                  where(revision, direction, offset), first_line_of(statement), error.reason(),
                  error.code(), direction_name(direction), revision.id, direction_name(direction)));
}

[[noreturn]] void unreadable_text(const Revision& revision, Direction direction,
                                  std::size_t offset) {
  throw Error(
      ErrorKind::input,
      fmt::format("{}: SQLite reads no statement here (a NUL byte?), so the rest of the "
                  "{} section would not run; remove the stray bytes (nothing of {} was "
                  "applied)",
                  where(revision, direction, offset), direction_name(direction), revision.id));
}

}  // namespace

std::string_view direction_name(Direction direction) {
  return direction == Direction::upgrade ? "upgrade" : "downgrade";
}

const std::string& section_of(const Revision& revision, Direction direction) {
  return direction == Direction::upgrade ? revision.upgrade_sql : revision.downgrade_sql;
}

void run_section(sqlite::Connection& connection, const Revision& revision, Direction direction,
                 ProgressWatch& watch) {
  sqlite::Script script(connection, section_of(revision, direction), &skip_blanks_and_comments);
  while (true) {
    std::optional<sqlite::Statement> statement;
    try {
      statement = script.next();
    } catch (const DatabaseError& error) {
      statement_failed(error, revision, direction, script.offset(), script.text());
    }
    if (!statement) break;
    const auto text = script.text();
    if (controls_transaction(text)) {
      throw Error(ErrorKind::input,
                  fmt::format("{}: statement '{}' would end the transaction the runner keeps "
                              "around each revision; remove it, as every revision already runs "
                              "in its own transaction (nothing of {} was applied)",
                              where(revision, direction, script.offset()), first_line_of(text),
                              revision.id));
    }
    if (is_foreign_keys_off(text)) continue;
    watch.statement(text);
    try {
      while (statement->step()) {
      }
    } catch (const DatabaseError& error) {
      watch.statement_done();
      statement_failed(error, revision, direction, script.offset(), text);
    }
    watch.statement_done();
  }
  // SQLite stopped at a NUL byte, and whatever follows it would silently not run.
  if (!script.finished()) unreadable_text(revision, direction, script.offset());
}

void check_foreign_keys(sqlite::Connection& connection, const Revision& revision,
                        Direction direction) {
  auto check = connection.prepare("PRAGMA foreign_key_check");
  bool violation = false;
  try {
    violation = check.step();
  } catch (const DatabaseError& error) {
    // "foreign key mismatch": a foreign key names a column that is not a key of its parent.
    throw DatabaseError(
        error, ErrorKind::database,
        fmt::format(
            "{}: the foreign keys no longer fit the tables after it ({}); {} {} was rolled back",
            revision_label(revision), error.what(), direction_name(direction), revision.id));
  }
  if (!violation) return;
  const auto table = check.text(0);
  const auto row = check.is_null(1) ? std::string("a row") : "rowid " + check.text(1);
  const auto parent = check.text(2);
  throw Error(ErrorKind::database,
              fmt::format("{} leaves {} of table '{}' referring to a missing row of '{}' "
                          "(PRAGMA foreign_key_check); {} {} was rolled back — fix the revision "
                          "so that every foreign key still matches, and run {} again",
                          revision_label(revision), row, table, parent, direction_name(direction),
                          revision.id, direction_name(direction)));
}

ForeignKeysOff::ForeignKeysOff(sqlite::Connection& connection, bool wanted)
    : connection_(connection) {
  if (!wanted || connection.query_int("PRAGMA foreign_keys") == 0) return;
  connection.execute("PRAGMA foreign_keys = OFF");
  restore_ = true;
}

ForeignKeysOff::~ForeignKeysOff() {
  if (!restore_) return;
  try {
    connection_.execute("PRAGMA foreign_keys = ON");
  } catch (...) {
    // a destructor must not throw; the connection is closed after the run anyway
  }
}

}  // namespace dbmigrate::runner
