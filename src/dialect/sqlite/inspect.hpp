// Inspecting an open connection: with the checks of inspect_sqlite(), or without them for a
// source that names its own places.
#pragma once

#include "dbmigrate/snapshot.hpp"
#include "dialect/sqlite/connection.hpp"

namespace dbmigrate::sqlite {

// The schema of an open database, normalized; check_snapshot() has not seen it.
[[nodiscard]] Snapshot inspect_schema(const Connection& db);

// inspect_sqlite() on a connection already open (an in-memory database, a shared cache).
[[nodiscard]] Snapshot inspect(const Connection& db);

}  // namespace dbmigrate::sqlite
