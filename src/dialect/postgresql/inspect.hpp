// Reading a live PostgreSQL schema from pg_catalog into a Snapshot.
#pragma once

#include "dbmigrate/snapshot.hpp"
#include "dialect/postgresql/connection.hpp"

namespace dbmigrate::postgresql {

// The schema the connection works in (connection.schema(), or the search_path's first schema):
// tables, columns, keys, constraints, indexes, views, comments, in canonical text. DbMigrate's
// version and history tables are left out. Throws Error(input) naming the database for what a
// snapshot cannot hold.
[[nodiscard]] Snapshot inspect(Connection& connection);

}  // namespace dbmigrate::postgresql
