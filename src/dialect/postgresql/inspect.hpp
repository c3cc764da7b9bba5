// Reading a live PostgreSQL schema from pg_catalog into a Snapshot.
#pragma once

#include <string>

#include "dbmigrate/snapshot.hpp"
#include "dialect/postgresql/connection.hpp"

namespace dbmigrate::postgresql {

// The schema the connection works in (connection.schema(), or the search_path's first schema):
// tables, columns (PostgreSQL's own types kept, docs/postgresql.md), identity and serial columns
// as autoincrement, defaults, primary keys, unique and CHECK constraints, indexes, foreign keys,
// views and triggers, in the server's own text. DbMigrate's version and history tables are left
// out. Names PostgreSQL chose for constraints declared without one are left out too, so that
// an unnamed constraint reads back unnamed.
[[nodiscard]] Snapshot inspect(Connection& connection);

// The same for a schema named outright.
[[nodiscard]] Snapshot inspect_schema(Connection& connection, const std::string& schema);

}  // namespace dbmigrate::postgresql
