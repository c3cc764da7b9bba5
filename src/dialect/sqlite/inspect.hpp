// Inspecting an open connection: with the snapshot checks, or without them for a source that
// names its own places.
#pragma once

#include "dbmigrate/snapshot.hpp"
#include "dialect/sqlite/connection.hpp"

namespace dbmigrate::sqlite {

// The schema of an open database, normalized; check_snapshot() has not seen it.
[[nodiscard]] Snapshot inspect_schema(const Connection& db);

// The schema of an open database: tables, columns, keys, indexes, views, triggers.
// DbMigrate's own version and history tables and SQLite's internal tables are left out. Throws
// Error(input) naming the database for what a snapshot cannot hold (as the JSON reader does).
// SqliteDialect::inspect(location) opens a path or URI read-only and calls this.
[[nodiscard]] Snapshot inspect(const Connection& db);

}  // namespace dbmigrate::sqlite
