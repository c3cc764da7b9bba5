// Running one section of a revision inside the caller's transaction, and the foreign-key check
// after it (docs/cli.md: a rebuild must never fire ON DELETE CASCADE).
#pragma once

#include <string_view>

#include "dbmigrate/session.hpp"
#include "dialect/sqlite/connection.hpp"
#include "dialect/sqlite/sqlite_progress.hpp"

namespace dbmigrate::sqlite {

// Runs the section's statements one by one, skipping `PRAGMA foreign_keys = OFF` (it ran
// before BEGIN). A failing statement throws Error(database) naming the file, the statement's
// line in it, its first line and SQLite's message; the caller's transaction then rolls back.
void run_section(Connection& connection, const SectionRun& section, ProgressWatch& watch);

// Throws Error(database) naming the table and the revision when `PRAGMA foreign_key_check`
// reports any row.
void check_foreign_keys(Connection& connection, const Revision& revision,
                        std::string_view direction);

}  // namespace dbmigrate::sqlite
