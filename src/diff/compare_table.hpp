// The operations that turn one table into another (same table, maybe renamed).
#pragma once

#include "dbmigrate/operations.hpp"
#include "diff/renames.hpp"

namespace dbmigrate {

// The column renames between `from` and `to`, found from `to`'s rename hints.
[[nodiscard]] std::map<std::string, std::string> column_renames(const Table& from, const Table& to);

// Appends the operations for one table, in the order a database can run them: drops of
// constraints and indexes, column renames, drops, additions and changes, the primary key,
// then new constraints and indexes.
void compare_table(const Table& from, const Table& to, const Renames& renames, Operations& out);

}  // namespace dbmigrate
