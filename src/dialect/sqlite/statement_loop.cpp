// SQLite splits the section (sqlite3_prepare_v2's tail pointer), so statements are cut exactly
// where SQLite cuts them, triggers' inner semicolons included; each is prepared only after the
// previous one ran, as it may use a table that one created.
#include "dialect/sqlite/statement_loop.hpp"

#include <fmt/format.h>

#include <optional>

#include "dbmigrate/error.hpp"
#include "dialect/sqlite/statement_text.hpp"
#include "revision/section_text.hpp"

namespace dbmigrate::sqlite {
namespace {

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

// What to do about a failed statement. A database that already has what an upgrade creates
// (or lacks what a downgrade drops) was changed outside the revisions, typically by hand and
// then stamped: the statement is right, the version table is not.
std::string advice(std::string_view reason, const SectionRun& section) {
  const auto& id = section.revision.id;
  const bool has_it = reason.find("already exists") != std::string_view::npos ||
                      reason.starts_with("duplicate column name");
  const bool lacks_it = reason.starts_with("no such table") ||
                        reason.starts_with("no such column") ||
                        reason.starts_with("no such index") || reason.starts_with("no such view") ||
                        reason.starts_with("no such trigger");
  if (section.direction == "upgrade" && has_it) {
    return fmt::format(
        "the database already has what this statement creates (applied by hand, or stamped "
        "past?): see what it has with 'dbmigrate check --url URL'; if everything {} does is "
        "already there, record it without running it with 'dbmigrate stamp {}' (target db_stamp "
        "with DB_TARGET={}), otherwise undo the change made by hand and run upgrade again",
        id, id, id);
  }
  if (section.direction == "downgrade" && lacks_it) {
    const auto& parents = section.revision.parents;
    const std::string parent = parents.size() == 1 ? parents.front()
                               : parents.empty()   ? "base"
                                                   : "";
    if (parent.empty()) return fmt::format("fix the statement and run {} again", section.direction);
    return fmt::format(
        "the database lacks what this statement drops or changes (removed by hand?): see what "
        "it has with 'dbmigrate check --url URL'; if nothing of {} is left, record the downgrade "
        "without running it with 'dbmigrate stamp {}' (target db_stamp with DB_TARGET={}), "
        "otherwise restore it and run downgrade again",
        id, parent, parent);
  }
  if (reason.find("within a transaction") != std::string_view::npos &&
      !section.outside_transaction) {
    return transaction_none_advice(section, "SQLite");
  }
  if (section.outside_transaction) {
    return fmt::format(
        "undo or complete by hand what the statements before it did (or make them safe to "
        "repeat), fix the statement and run {} again",
        section.direction);
  }
  return fmt::format("fix the statement and run {} again", section.direction);
}

[[noreturn]] void statement_failed(const DatabaseError& error, const SectionRun& section,
                                   std::size_t offset, std::string_view statement) {
  if (const auto fault = environment_fault(error.code())) {
    // Not the statement's fault: say what is, and that the revision is fine as it is.
    throw DatabaseError(
        error, ErrorKind::input,
        fmt::format("{}: {} ({}, SQLite error {}) while running statement '{}'; {} — {}",
                    where(section, offset), fault->cause, error.reason(), error.code(),
                    first_line_of(statement), failed_section_outcome(section), fault->advice));
  }
  throw DatabaseError(
      error, ErrorKind::database,
      fmt::format("{}: statement '{}' failed: {} (SQLite error {}); {} — {}",
                  where(section, offset), first_line_of(statement), error.reason(), error.code(),
                  failed_section_outcome(section), advice(error.reason(), section)));
}

// What a section stopped before its statement ran leaves: nothing, unless it runs outside a
// transaction and statements before that one already committed.
std::string refused_outcome(const SectionRun& section) {
  return section.outside_transaction
             ? failed_section_outcome(section)
             : fmt::format("nothing of {} was applied", section.revision.id);
}

[[noreturn]] void unreadable_text(const SectionRun& section, std::size_t offset) {
  throw Error(ErrorKind::input,
              fmt::format("{}: SQLite reads no statement here (a NUL byte?), so the rest of the "
                          "{} section would not run; remove the stray bytes ({})",
                          where(section, offset), section.direction, refused_outcome(section)));
}

}  // namespace

void run_section(Connection& connection, const SectionRun& section, ProgressWatch& watch) {
  Script script(connection, section.sql, &section_text::skip_blanks_and_comments);
  while (true) {
    std::optional<Statement> statement;
    watch.preparing();
    try {
      statement = script.next();
    } catch (const DatabaseError& error) {
      statement_failed(error, section, script.offset(), script.text());
    }
    if (!statement) break;
    const auto text = script.text();
    if (controls_transaction(text)) {
      throw Error(ErrorKind::input,
                  fmt::format("{}: statement '{}' would end the transaction the runner keeps "
                              "around each revision; remove it, as every revision already runs "
                              "in its own transaction ({})",
                              where(section, script.offset()), first_line_of(text),
                              refused_outcome(section)));
    }
    if (section_text::is_foreign_keys_off(text)) continue;
    watch.statement(text);
    try {
      while (statement->step()) {
      }
    } catch (const DatabaseError& error) {
      watch.statement_done();
      statement_failed(error, section, script.offset(), text);
    }
    watch.statement_done();
  }
  // SQLite stopped at a NUL byte, and whatever follows it would silently not run.
  if (!script.finished()) unreadable_text(section, script.offset());
}

void check_foreign_keys(Connection& connection, const Revision& revision,
                        std::string_view direction) {
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
