// A fingerprint of an SQLite database's schema: every row of sqlite_schema, hashed without
// sorting or copying, for a cheap test of "unchanged" between two states of one database.
#pragma once

#include <string>

#include "dialect/sqlite/connection.hpp"

namespace dbmigrate::sqlite {

// Equal for two schemas whose sqlite_schema rows (type, name, table, SQL text) are the same
// set, in whatever order SQLite stores them; unequal otherwise, but for a 128-bit hash
// collision. Only meaningful within one process (it uses std::hash).
[[nodiscard]] std::string schema_fingerprint(const Connection& connection);

}  // namespace dbmigrate::sqlite
