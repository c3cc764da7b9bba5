// The inspector without the checks of inspect_sqlite(), for a source that names its own places.
#pragma once

#include <sqlite3.h>

#include "dbmigrate/snapshot.hpp"

namespace dbmigrate::sqlite {

// The schema of an open database, normalized; check_snapshot() has not seen it.
[[nodiscard]] Snapshot inspect_schema(sqlite3* db);

}  // namespace dbmigrate::sqlite
