// The parser of stored CREATE TABLE and CREATE INDEX statements that inspection uses. It trusts
// the statements' shape because SQLite accepted them, so the input runs on a scratch database
// first and the parser reads what sqlite_schema then holds, as inspection does. Any such
// statement parses, and names what SQLite's PRAGMAs report: the table's columns in order, as
// many index keys as the index has.
#include <sqlite3.h>

#include <string>
#include <vector>

#include "dbmigrate/error.hpp"
#include "dbmigrate/snapshot.hpp"
#include "dialect/sqlite/connection.hpp"
#include "dialect/sqlite/create_statement.hpp"
#include "finding.hpp"
#include "sqlite_budget.hpp"

namespace dbmigrate {
namespace {

using fuzz::finding;

std::vector<std::string> column_names(sqlite::Connection& db, const std::string& table) {
  auto statement = db.prepare("SELECT name FROM pragma_table_xinfo(?1, 'main') ORDER BY cid");
  statement.bind(1, table);
  std::vector<std::string> names;
  while (statement.step()) names.push_back(statement.text(0));
  return names;
}

std::size_t key_count(sqlite::Connection& db, const std::string& index) {
  auto statement = db.prepare("SELECT count(*) FROM pragma_index_xinfo(?1, 'main') WHERE key = 1");
  statement.bind(1, index);
  (void)statement.step();
  return static_cast<std::size_t>(statement.integer(0));
}

void check_table(sqlite::Connection& db, const std::string& name, const std::string& sql) {
  if (!sqlite::is_create_table(sql)) return;  // a virtual table, which inspection refuses
  const auto parsed = sqlite::parse_create_table(sql);
  if (!same_identifier(parsed.name, name))
    finding("a stored CREATE TABLE parses to another name", sql);
  if (parsed.columns.empty()) return;  // CREATE TABLE ... AS SELECT
  const auto names = column_names(db, name);
  bool same = names.size() == parsed.columns.size();
  for (std::size_t i = 0; same && i < names.size(); ++i) {
    same = same_identifier(names[i], parsed.columns[i].name);
  }
  if (!same) finding("a stored CREATE TABLE parses to other columns than SQLite reports", sql);
}

void check_index(sqlite::Connection& db, const std::string& name, const std::string& table,
                 const std::string& sql) {
  (void)sqlite::parse_create_index(sql);
  const auto parsed = sqlite::parse_create_index(sql, column_names(db, table));
  if (!same_identifier(parsed.name, name) || !same_identifier(parsed.table, table)) {
    finding("a stored CREATE INDEX parses to another name or table", sql);
  }
  if (parsed.keys.size() != key_count(db, name)) {
    finding("a stored CREATE INDEX parses to another number of keys than SQLite reports", sql);
  }
}

}  // namespace
}  // namespace dbmigrate

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)dbmigrate::fuzz::SqliteWatchdog::instance();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace dbmigrate;
  const std::string sql(fuzz::as_text(data, size));
  sqlite::Connection db(":memory:");
  sqlite3_limit(db.handle(), SQLITE_LIMIT_ATTACHED, 0);
  // sqlite_schema then holds only what SQLite wrote itself (no PRAGMA writable_schema).
  sqlite3_db_config(db.handle(), SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  {
    const fuzz::InputBudget budget;
    if (sqlite3_exec(db.handle(), sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) return 0;
  }
  try {
    auto schema = db.prepare(
        "SELECT type, name, tbl_name, sql FROM sqlite_schema "
        "WHERE type IN ('table', 'index') AND sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' "
        "ESCAPE '\\'");
    while (schema.step()) {
      if (schema.text(0) == "table") {
        check_table(db, schema.text(1), schema.text(3));
      } else {
        check_index(db, schema.text(1), schema.text(2), schema.text(3));
      }
    }
  } catch (const Error& error) {
    // Reading sqlite_schema and the PRAGMAs fails only for lack of memory (the heap limit).
    if (std::string_view(error.what()).find("out of memory") == std::string_view::npos) throw;
  }
  return 0;
}
