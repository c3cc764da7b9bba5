// A copy of a file database taken with SQLite's online backup API before a destructive run.
#pragma once

#include <filesystem>

#include "dialect/sqlite/connection.hpp"

namespace dbmigrate::sqlite {

// Copies the main database of `connection`, which holds the write lock (BEGIN IMMEDIATE), to
// `<file>.backup-<UTC yyyymmddThhmmssZ>` (`-2`, `-3`, ... when that name is taken) and returns
// its path; an empty path for an in-memory or temporary database, which has no file to keep.
// Under the lock the copy is the state before this run's change, and no other run can change
// it meanwhile. The copy is written under a name no finished backup has
// (`<file>.partial-backup-XXXXXX`), synced, and only then given its name, never over an
// existing file: a backup cut short leaves no file that looks finished, and two runs never
// write over each other's. Throws Error(input) naming the backup file and the cause (a
// read-only folder, a full disk).
std::filesystem::path backup_database(Connection& connection);

}  // namespace dbmigrate::sqlite
