// The operations that turn one table into another (same table, maybe renamed).
#pragma once

#include "dbmigrate/operations.hpp"
#include "diff/renames.hpp"

namespace dbmigrate {

// Which columns of `from` become which of `to`: pending renames, then same names; records
// the renames and the dropped columns in `renames`, under `to`'s name.
void match_columns(const Table& from, const Table& to, Renames& renames);

// Appends the operations for one table, in the order a database can run them: drops of
// constraints and indexes, column drops, renames, additions and changes, the primary key,
// then new constraints and indexes.
void compare_table(const Table& from, const Table& to, const Renames& renames, Operations& out);

}  // namespace dbmigrate
