// The version and history tables (docs/cli.md, "What a run guarantees").
#include "runner/version_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "dbmigrate/version_tables.hpp"

namespace dbmigrate::runner {
namespace {

std::string text_of(const std::optional<std::string>& value) {
  return value.value_or("");
}

std::int64_t integer_of(const std::optional<std::string>& value) {
  return value ? std::stoll(*value) : 0;
}

}  // namespace

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

VersionTables version_tables(const Session& session) {
  return {session.quote_identifier(version_table_name),
          session.quote_identifier(history_table_name),
          [&session](std::string_view value) { return session.quote_literal(value); }};
}

VersionTables version_tables(const Dialect& dialect) {
  return {dialect.quote_identifier(version_table_name),
          dialect.quote_identifier(history_table_name),
          [&dialect](std::string_view value) { return dialect.quote_literal(value); }};
}

std::string create_tables_sql(const VersionTables& tables, std::string_view id_column) {
  return fmt::format(
      "CREATE TABLE IF NOT EXISTS {} (revision TEXT PRIMARY KEY);\n"
      "CREATE TABLE IF NOT EXISTS {} (\n"
      "  id {},\n"
      "  revision TEXT NOT NULL,\n"
      "  checksum TEXT NOT NULL,\n"
      "  direction TEXT NOT NULL CHECK (direction IN ('upgrade', 'downgrade', 'stamp')),\n"
      "  applied_at TEXT NOT NULL,\n"
      "  duration_ms INTEGER NOT NULL\n"
      ");",
      tables.version, tables.history, id_column);
}

std::string write_heads_sql(const VersionTables& tables, const std::vector<std::string>& heads) {
  auto sql = fmt::format("DELETE FROM {};", tables.version);
  for (const auto& head : heads) {
    sql +=
        fmt::format("\nINSERT INTO {} (revision) VALUES ({});", tables.version, tables.literal(head));
  }
  return sql;
}

std::string add_history_sql(const VersionTables& tables, std::string_view revision,
                            std::string_view checksum, std::string_view direction,
                            std::string_view applied_at, std::int64_t duration_ms) {
  return fmt::format(
      "INSERT INTO {} (revision, checksum, direction, applied_at, duration_ms) VALUES ({}, {}, "
      "{}, {}, {});",
      tables.history, tables.literal(revision), tables.literal(checksum),
      tables.literal(direction), applied_at, duration_ms);
}

void create_tables(Session& session) {
  session.execute(create_tables_sql(version_tables(session), session.history_id_column()));
}

std::vector<std::string> read_heads(Session& session) {
  std::vector<std::string> heads;
  if (!session.table_exists(version_table_name)) return heads;
  for (const auto& row :
       session.query(fmt::format("SELECT revision FROM {}", version_tables(session).version))) {
    heads.push_back(text_of(row.at(0)));
  }
  std::sort(heads.begin(), heads.end());
  return heads;
}

void write_heads(Session& session, const std::vector<std::string>& heads) {
  session.execute(write_heads_sql(version_tables(session), heads));
}

void add_history(Session& session, std::string_view revision, std::string_view checksum,
                 std::string_view direction, std::int64_t duration_ms) {
  const auto tables = version_tables(session);
  session.execute(add_history_sql(tables, revision, checksum, direction,
                                  tables.literal(utc_now_string()), duration_ms));
}

std::vector<HistoryEntry> read_history(Session& session) {
  std::vector<HistoryEntry> entries;
  if (!session.table_exists(history_table_name)) return entries;
  for (const auto& row : session.query(fmt::format(
           "SELECT id, revision, checksum, direction, applied_at, duration_ms FROM {} ORDER BY id",
           version_tables(session).history))) {
    entries.push_back({.id = integer_of(row.at(0)),
                       .revision = text_of(row.at(1)),
                       .checksum = text_of(row.at(2)),
                       .direction = text_of(row.at(3)),
                       .applied_at = text_of(row.at(4)),
                       .duration_ms = integer_of(row.at(5))});
  }
  return entries;
}

std::unordered_map<std::string, std::string> recorded_checksums(Session& session) {
  // The checksum of each revision's latest upgrade or stamp: one pass over the history in id
  // order, later rows replacing earlier ones. Linear in the history's length, with no sort.
  std::unordered_map<std::string, std::string> checksums;
  if (!session.table_exists(history_table_name)) return checksums;
  for (auto& row : session.query(fmt::format(
           "SELECT revision, checksum FROM {} WHERE direction <> 'downgrade' ORDER BY id",
           version_tables(session).history))) {
    checksums.insert_or_assign(text_of(row.at(0)), text_of(row.at(1)));
  }
  return checksums;
}

}  // namespace dbmigrate::runner
