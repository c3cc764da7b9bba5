// DbMigrate's two tables in a managed database: the version table (current heads) and the
// history table (every revision applied, reverted or stamped).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "dbmigrate/runner.hpp"
#include "dialect/sqlite/connection.hpp"

namespace dbmigrate::runner {

// CREATE TABLE IF NOT EXISTS for both; called inside each revision's transaction, so that a
// database is only changed by a run that changes it.
void create_tables(sqlite::Connection& connection);

// Sorted; empty when the version table does not exist yet.
[[nodiscard]] std::vector<std::string> read_heads(sqlite::Connection& connection);
void write_heads(sqlite::Connection& connection, const std::vector<std::string>& heads);

void add_history(sqlite::Connection& connection, std::string_view revision,
                 std::string_view checksum, std::string_view direction, std::int64_t duration_ms);
[[nodiscard]] std::vector<HistoryEntry> read_history(sqlite::Connection& connection);

// Per revision, the checksum recorded by its latest upgrade or stamp.
[[nodiscard]] std::map<std::string, std::string> recorded_checksums(sqlite::Connection& connection);

}  // namespace dbmigrate::runner
