// The version and history tables (docs/cli.md, "What a run guarantees").
#include "runner/version_store.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "dbmigrate/sqlite.hpp"
#include "dialect/sqlite/sql_tokens.hpp"

namespace dbmigrate::runner {
namespace {

std::string version_table() {
  return SqliteDialect().quote_identifier(version_table_name);
}
std::string history_table() {
  return SqliteDialect().quote_identifier(history_table_name);
}

bool table_exists(sqlite::Connection& connection, std::string_view name) {
  auto statement =
      connection.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
  statement.bind(1, name);
  return statement.step();
}

}  // namespace

std::string sql_literal(std::string_view text) {
  return sqlite::quote_literal(text);
}

std::string revision_checksum(const Revision& revision) {
  if (!revision.checksum.empty()) return revision.checksum;
  if (!revision.path.empty()) {
    try {
      return revision_file_checksum(read_file(revision.path));
    } catch (const Error&) {
      // an unreadable file: the checksum of its parsed content serves
    }
  }
  return revision_file_checksum(format_revision(revision));
}

bool checksum_matches(const Revision& revision, std::string_view recorded) {
  if (recorded == revision_checksum(revision)) return true;
  // Only a file with CRLF line ends or a byte order mark has a raw checksum of its own: the
  // file is read again only then, and only for a database that recorded the raw one.
  if (revision.path.empty()) return false;
  try {
    return recorded == sha256_hex(read_file(revision.path));
  } catch (const Error&) {
    return false;
  }
}

std::string create_tables_sql() {
  return fmt::format(
      "CREATE TABLE IF NOT EXISTS {} (revision TEXT PRIMARY KEY);\n"
      "CREATE TABLE IF NOT EXISTS {} (\n"
      "  id INTEGER PRIMARY KEY,\n"
      "  revision TEXT NOT NULL,\n"
      "  checksum TEXT NOT NULL,\n"
      "  direction TEXT NOT NULL CHECK (direction IN ('upgrade', 'downgrade', 'stamp')),\n"
      "  applied_at TEXT NOT NULL,\n"
      "  duration_ms INTEGER NOT NULL\n"
      ");",
      version_table(), history_table());
}

std::string write_heads_sql(const std::vector<std::string>& heads) {
  auto sql = fmt::format("DELETE FROM {};", version_table());
  for (const auto& head : heads) {
    sql +=
        fmt::format("\nINSERT INTO {} (revision) VALUES ({});", version_table(), sql_literal(head));
  }
  return sql;
}

void create_tables(sqlite::Connection& connection) {
  connection.execute(create_tables_sql());
}

std::vector<std::string> read_heads(sqlite::Connection& connection) {
  std::vector<std::string> heads;
  if (!table_exists(connection, version_table_name)) return heads;
  auto statement = connection.prepare(fmt::format("SELECT revision FROM {}", version_table()));
  while (statement.step()) heads.push_back(statement.text(0));
  std::sort(heads.begin(), heads.end());
  return heads;
}

void write_heads(sqlite::Connection& connection, const std::vector<std::string>& heads) {
  connection.execute(write_heads_sql(heads));
}

void add_history(sqlite::Connection& connection, std::string_view revision,
                 std::string_view checksum, std::string_view direction, std::int64_t duration_ms) {
  auto insert = connection.prepare(
      fmt::format("INSERT INTO {} (revision, checksum, direction, applied_at, duration_ms) "
                  "VALUES (?1, ?2, ?3, ?4, ?5)",
                  history_table()));
  insert.bind(1, revision).bind(2, checksum).bind(3, direction).bind(4, utc_now_string());
  insert.bind(5, duration_ms);
  insert.step();
}

std::vector<HistoryEntry> read_history(sqlite::Connection& connection) {
  std::vector<HistoryEntry> entries;
  if (!table_exists(connection, history_table_name)) return entries;
  auto statement = connection.prepare(fmt::format(
      "SELECT id, revision, checksum, direction, applied_at, duration_ms FROM {} ORDER BY id",
      history_table()));
  while (statement.step()) {
    entries.push_back({.id = statement.integer(0),
                       .revision = statement.text(1),
                       .checksum = statement.text(2),
                       .direction = statement.text(3),
                       .applied_at = statement.text(4),
                       .duration_ms = statement.integer(5)});
  }
  return entries;
}

std::unordered_map<std::string, std::string> recorded_checksums(sqlite::Connection& connection) {
  // The checksum of each revision's latest upgrade or stamp: one pass over the history in id
  // order, later rows replacing earlier ones. Linear in the history's length, with no sort.
  std::unordered_map<std::string, std::string> checksums;
  if (!table_exists(connection, history_table_name)) return checksums;
  auto statement = connection.prepare(
      fmt::format("SELECT revision, checksum FROM {} WHERE direction <> 'downgrade' ORDER BY id",
                  history_table()));
  while (statement.step()) checksums.insert_or_assign(statement.text(0), statement.text(1));
  return checksums;
}

}  // namespace dbmigrate::runner
