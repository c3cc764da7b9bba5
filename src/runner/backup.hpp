// A copy of a file database taken with SQLite's online backup API before a destructive run.
#pragma once

#include <chrono>
#include <filesystem>

#include "dialect/sqlite/connection.hpp"

namespace dbmigrate::runner {

// Copies the main database to `<file>.backup-<UTC yyyymmddThhmmssZ>` (with `-2`, `-3`, ... when
// that name is taken) and returns its path; an empty path for an in-memory or temporary
// database, which has no file to keep. Waits up to `lock_timeout` while another connection
// writes. Throws Error(database) naming both files.
std::filesystem::path backup_database(sqlite::Connection& connection,
                                      std::chrono::milliseconds lock_timeout);

}  // namespace dbmigrate::runner
