// The drift check before a rebuild: names are compared the way SQLite compares identifiers
// (ASCII case folded); only what the live table has beyond the revision's idea of it matters,
// since a rebuild fails by itself on anything it needs that is missing.
#include "runner/rebuild_drift.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "dbmigrate/error.hpp"
#include "dbmigrate/sqlite.hpp"

namespace dbmigrate::runner {
namespace {

// A name in a message: always double-quoted, so that names with spaces or commas read whole.
std::string in_quotes(std::string_view name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::set<std::string> folded(const std::vector<std::string>& names) {
  std::set<std::string> keys;
  for (const auto& name : names) keys.insert(identifier_key(name));
  return keys;
}

std::vector<std::string> column_values(sqlite::Connection& connection, std::string_view sql,
                                       std::string_view parameter) {
  auto statement = connection.prepare(sql);
  statement.bind(1, parameter);
  std::vector<std::string> values;
  while (statement.step()) values.push_back(statement.text(0));
  return values;
}

// The extras on one live table, each as a phrase; empty when the table is not there (the
// rebuild then fails on its own, naming it).
std::vector<std::string> extras(sqlite::Connection& connection, const TableShape& shape) {
  const SqliteDialect dialect;
  std::vector<std::string> found;
  const auto columns = folded(shape.columns);
  for (const auto& column : column_values(
           connection, "SELECT name FROM pragma_table_xinfo(?1) ORDER BY cid", shape.table)) {
    if (columns.count(identifier_key(column))) continue;
    const bool data =
        connection.query_int(fmt::format("SELECT EXISTS (SELECT 1 FROM {} WHERE {} IS NOT NULL)",
                                         dialect.quote_identifier(shape.table),
                                         dialect.quote_identifier(column))) != 0;
    found.push_back(fmt::format("column {}{}", in_quotes(column), data ? " (with data)" : ""));
  }
  // Indexes SQLite made for a PRIMARY KEY or UNIQUE (no sql) belong to the table's definition.
  const auto indexes = folded(shape.indexes);
  for (const auto& index : column_values(connection,
                                         "SELECT name FROM sqlite_schema WHERE type = 'index' AND "
                                         "sql IS NOT NULL AND tbl_name = ?1 COLLATE NOCASE "
                                         "ORDER BY name",
                                         shape.table)) {
    if (!indexes.count(identifier_key(index))) found.push_back("index " + in_quotes(index));
  }
  const auto triggers = folded(shape.triggers);
  for (const auto& trigger : column_values(connection,
                                           "SELECT name FROM sqlite_schema WHERE type = 'trigger' "
                                           "AND tbl_name = ?1 COLLATE NOCASE ORDER BY name",
                                           shape.table)) {
    if (!triggers.count(identifier_key(trigger))) found.push_back("trigger " + in_quotes(trigger));
  }
  return found;
}

}  // namespace

bool refuse_unknown_on_rebuild(sqlite::Connection& connection, const Revision& revision,
                               Direction direction, bool drop_unknown) {
  std::vector<std::string> tables, found;  // the tables with extras; per table, its extras
  for (const auto& shape : rebuilt_tables(revision, direction_name(direction))) {
    if (auto extra = extras(connection, shape); !extra.empty()) {
      tables.push_back(in_quotes(shape.table));
      found.push_back(fmt::format("{}", fmt::join(extra, ", ")));
    }
  }
  if (tables.empty() || drop_unknown) return !tables.empty();
  std::string what = found.front();
  if (tables.size() > 1) {
    what.clear();
    for (std::size_t i = 0; i < tables.size(); ++i) {
      what += fmt::format("{}on {}: {}", i == 0 ? "" : "; ", tables[i], found[i]);
    }
  }
  throw Error(ErrorKind::check,
              fmt::format("revision {}{} rebuilds {} {}, but the database has what the revision "
                          "does not know: {}; drop them by hand or run again with --drop-unknown "
                          "to let the rebuild drop them",
                          revision.id, direction == Direction::upgrade ? "" : "'s downgrade",
                          tables.size() == 1 ? "table" : "tables", fmt::join(tables, ", "), what));
}

}  // namespace dbmigrate::runner
