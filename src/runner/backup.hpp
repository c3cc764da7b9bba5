// A copy of a file database taken with SQLite's online backup API before a destructive run.
#pragma once

#include <filesystem>

#include "dialect/sqlite/connection.hpp"

namespace dbmigrate::runner {

// Copies the main database to `<file>.backup-<UTC yyyymmddThhmmssZ>` (with `-2`, `-3`, ... when
// that name is taken) and returns its path; an empty path for an in-memory or temporary
// database, which has no file to keep. Throws Error(database) naming both files.
std::filesystem::path backup_database(sqlite::Connection& connection);

}  // namespace dbmigrate::runner
