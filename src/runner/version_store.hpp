// DbMigrate's two tables in a managed database: the version table (current heads) and the
// history table (every revision applied, reverted or stamped).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dbmigrate/runner.hpp"
#include "dialect/sqlite/connection.hpp"

namespace dbmigrate::runner {

// A string literal: quoted, inner quotes doubled.
[[nodiscard]] std::string sql_literal(std::string_view text);

// The checksum recorded for a revision: revision_file_checksum() of its file as it is now (of
// its formatted text when it was not read from a file).
[[nodiscard]] std::string revision_checksum(const Revision& revision);

// Whether `recorded` is the revision's checksum: the one above, or the one recorded by earlier
// versions (SHA-256 of the file's raw bytes, line endings and byte order mark included), so
// that databases migrated by them keep passing.
[[nodiscard]] bool checksum_matches(const Revision& revision, std::string_view recorded);

// CREATE TABLE IF NOT EXISTS for both, as one script.
[[nodiscard]] std::string create_tables_sql();

// The statements that make the version table hold exactly `heads` (also for --sql output).
[[nodiscard]] std::string write_heads_sql(const std::vector<std::string>& heads);

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
[[nodiscard]] std::unordered_map<std::string, std::string> recorded_checksums(
    sqlite::Connection& connection);

}  // namespace dbmigrate::runner
