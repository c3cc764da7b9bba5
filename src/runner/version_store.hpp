// DbMigrate's two tables in a managed database: the version table (current heads) and the
// history table (every revision applied, reverted or stamped). The SQL is plain enough for
// every dialect; the session runs it.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dbmigrate/dialect.hpp"
#include "dbmigrate/runner.hpp"
#include "dbmigrate/session.hpp"

namespace dbmigrate::runner {

// The checksum recorded for a revision: revision_file_checksum() of its file as it is now (of
// its formatted text when it was not read from a file).
[[nodiscard]] std::string revision_checksum(const Revision& revision);

// Whether `recorded` is the revision's checksum: the one above, or the one recorded by earlier
// versions (SHA-256 of the file's raw bytes, line endings and byte order mark included), so
// that databases migrated by them keep passing.
[[nodiscard]] bool checksum_matches(const Revision& revision, std::string_view recorded);

// The two tables' names as SQL, and how a string value becomes SQL: the dialect's quoting.
struct VersionTables {
  std::string version;
  std::string history;
  std::function<std::string(std::string_view)> literal;
};
// Quoted by the session's dialect.
[[nodiscard]] VersionTables version_tables(const Session& session);
// Quoted by `dialect` (for a script, with no session).
[[nodiscard]] VersionTables version_tables(const Dialect& dialect);

// CREATE TABLE IF NOT EXISTS for both, as one script.
[[nodiscard]] std::string create_tables_sql(const VersionTables& tables,
                                            std::string_view id_column = "INTEGER PRIMARY KEY");

// The statements that make the version table hold exactly `heads` (also for --sql output).
[[nodiscard]] std::string write_heads_sql(const VersionTables& tables,
                                          const std::vector<std::string>& heads);

// The statement that adds a history row; `applied_at` is SQL (a literal, or the script's
// expression for the time it runs).
[[nodiscard]] std::string add_history_sql(const VersionTables& tables, std::string_view revision,
                                          std::string_view checksum, std::string_view direction,
                                          std::string_view applied_at, std::int64_t duration_ms);

// CREATE TABLE IF NOT EXISTS for both; called inside each revision's transaction, so that a
// database is only changed by a run that changes it.
void create_tables(Session& session);

// Sorted; empty when the version table does not exist yet.
[[nodiscard]] std::vector<std::string> read_heads(Session& session);
void write_heads(Session& session, const std::vector<std::string>& heads);

void add_history(Session& session, std::string_view revision, std::string_view checksum,
                 std::string_view direction, std::int64_t duration_ms);
[[nodiscard]] std::vector<HistoryEntry> read_history(Session& session);

// Per revision, the checksum recorded by its latest upgrade or stamp.
[[nodiscard]] std::unordered_map<std::string, std::string> recorded_checksums(Session& session);

}  // namespace dbmigrate::runner
