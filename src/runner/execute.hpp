// Running one section of a revision inside the caller's transaction, and the foreign-key
// handling around it (docs/cli.md: a rebuild must never fire ON DELETE CASCADE).
#pragma once

#include <string_view>

#include "dbmigrate/revision.hpp"
#include "dialect/sqlite/connection.hpp"
#include "runner/progress.hpp"

namespace dbmigrate::runner {

enum class Direction { upgrade, downgrade };

[[nodiscard]] std::string_view direction_name(Direction direction);
[[nodiscard]] const std::string& section_of(const Revision& revision, Direction direction);

// Runs the section's statements one by one, skipping `PRAGMA foreign_keys = OFF` (it ran
// before BEGIN). A failing statement throws Error(database) naming the file, the statement's
// line in it, its first line and SQLite's message; the caller's transaction then rolls back.
void run_section(sqlite::Connection& connection, const Revision& revision, Direction direction,
                 ProgressWatch& watch);

// Throws Error(database) naming the table and the revision when `PRAGMA foreign_key_check`
// reports any row.
void check_foreign_keys(sqlite::Connection& connection, const Revision& revision,
                        Direction direction);

// Switches enforcement off for a section that asks for it, before its transaction begins, and
// restores the previous setting when destroyed (after the transaction has ended).
class ForeignKeysOff {
 public:
  ForeignKeysOff(sqlite::Connection& connection, bool wanted);
  ForeignKeysOff(const ForeignKeysOff&) = delete;
  ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;
  ~ForeignKeysOff();

 private:
  sqlite::Connection& connection_;
  bool restore_ = false;
};

}  // namespace dbmigrate::runner
