// A rendered SqlScript as the text of a revision section.
#pragma once

#include <string>

#include "dbmigrate/dialect.hpp"
#include "dbmigrate/revision.hpp"

namespace dbmigrate::cli {

// Statements separated by blank lines, each under its comments (one `-- ` line each, control
// characters escaped); a script that rebuilds
// tables starts with `PRAGMA foreign_keys=OFF;`, which the runner runs before its
// transaction (SQLite ignores it inside one).
[[nodiscard]] std::string script_text(const SqlScript& script);

// The two sections of a revision `migrate` generates, and the headers that say what they need
// of the runner (`-- Dialect:`, foreign keys off, destructive, the tables each rebuilds).
void set_generated_sections(Revision& revision, const Dialect& dialect, const SqlScript& upgrade,
                            const SqlScript& downgrade);

}  // namespace dbmigrate::cli
