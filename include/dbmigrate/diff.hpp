// diff(old, new): the operations that turn one snapshot into the other.
#pragma once

#include "dbmigrate/operations.hpp"
#include "dbmigrate/snapshot.hpp"

namespace dbmigrate {

// Ordered by dependency: views and triggers on changed tables are dropped first and
// recreated last; referenced tables are created before and dropped after the tables that
// reference them; a table's own changes are contiguous. Renames come only from the
// `renamed_from` hints of `to`. Equal snapshots (hints aside) give an empty list. Names compare
// by the dialect's rule: ignoring ASCII case (SQLite), a table or column whose name changes
// only in case is renamed; compared exactly, it is another table or column.
[[nodiscard]] Operations diff(const Snapshot& from, const Snapshot& to,
                              IdentifierCase names = IdentifierCase::ascii_insensitive);

}  // namespace dbmigrate
