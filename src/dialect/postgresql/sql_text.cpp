// Canonical SQL text for PostgreSQL: the server's own (sql_text.hpp).
#include "dialect/postgresql/sql_text.hpp"

#include <fmt/format.h>

#include <map>

#include "dialect/postgresql/inspect.hpp"
#include "dialect/postgresql/quote.hpp"
#include "dialect/postgresql/scratch.hpp"
#include "dialect/postgresql/statement_shape.hpp"
#include "dialect/postgresql/table_sql.hpp"

namespace dbmigrate::postgresql {
namespace {

std::string trimmed(std::string_view sql) {
  while (!sql.empty() && std::isspace(static_cast<unsigned char>(sql.front()))) sql.remove_prefix(1);
  while (!sql.empty() && std::isspace(static_cast<unsigned char>(sql.back()))) sql.remove_suffix(1);
  return std::string(sql);
}

// Names the scratch copy gives what the snapshot may leave unnamed, to find it again.
std::string check_name(std::size_t i) { return fmt::format("dbmigrate_check_{}", i); }
std::string index_name(std::size_t t, std::size_t i) { return fmt::format("dbmigrate_index_{}_{}", t, i); }

// The table as the scratch copy creates it: what carries SQL text, nothing that needs another
// table. Runs under a savepoint, so that a table the server refuses leaves the rest going.
bool create_copy(Connection& db, const Table& table, std::size_t number) {
  Table copy{.name = table.name, .columns = table.columns};
  for (std::size_t i = 0; i < table.checks.size(); ++i)
    copy.checks.push_back({.name = check_name(i), .expression = table.checks[i].expression});
  std::string sql;
  try {
    sql = create_table_sql(copy, {});
    for (std::size_t i = 0; i < table.indexes.size(); ++i) {
      Index index = table.indexes[i];
      index.name = index_name(number, i);
      sql += "\n" + create_index_sql(table.name, index);
    }
  } catch (const Error&) {  // a name or type PostgreSQL cannot take: refusals() reports it
    return false;
  }
  try {
    db.execute("SAVEPOINT dbmigrate_table");
    db.execute(sql);
    db.execute("RELEASE SAVEPOINT dbmigrate_table");
    return true;
  } catch (const DatabaseError&) {
    db.execute("ROLLBACK TO SAVEPOINT dbmigrate_table");
    return false;
  }
}

void take_text(Table& table, const Table& server, std::size_t number) {
  for (auto& column : table.columns) {
    const Column* deparsed = server.find_column(column.name);
    if (deparsed == nullptr) continue;
    if (column.default_sql && deparsed->default_sql) column.default_sql = deparsed->default_sql;
    if (column.generated && deparsed->generated) column.generated = deparsed->generated;
  }
  for (std::size_t i = 0; i < table.checks.size(); ++i) {
    for (const auto& check : server.checks) {
      if (check.name == check_name(i)) table.checks[i].expression = check.expression;
    }
  }
  for (std::size_t i = 0; i < table.indexes.size(); ++i) {
    for (const auto& index : server.indexes) {
      if (index.name != index_name(number, i) || index.keys.size() != table.indexes[i].keys.size())
        continue;
      table.indexes[i].where = index.where;
      for (std::size_t k = 0; k < index.keys.size(); ++k) {
        if (table.indexes[i].keys[k].expression) table.indexes[i].keys[k].name = index.keys[k].name;
      }
    }
  }
}

}  // namespace

std::string normalize_expression(std::string_view sql, const std::vector<std::string>& /*columns*/) {
  return trimmed(sql);
}

std::string normalize_default(std::string_view sql) { return trimmed(sql); }

void canonicalize_on_server(Snapshot& snapshot, Connection& db) {
  if (snapshot.tables.empty() && snapshot.views.empty()) return;
  const std::string schema =
      db.schema().empty() ? db.query_value("SELECT current_schema()").value_or("public") : db.schema();
  db.execute("BEGIN");
  try {
    std::vector<bool> created;
    for (std::size_t t = 0; t < snapshot.tables.size(); ++t)
      created.push_back(create_copy(db, snapshot.tables[t], t));
    std::vector<bool> view_created;
    for (const auto& view : snapshot.views) {
      bool ok = true;
      try {
        db.execute("SAVEPOINT dbmigrate_view");
        db.execute(view.sql);
        db.execute("RELEASE SAVEPOINT dbmigrate_view");
      } catch (const DatabaseError&) {
        db.execute("ROLLBACK TO SAVEPOINT dbmigrate_view");
        ok = false;
      }
      view_created.push_back(ok);
    }
    const Snapshot server = inspect_schema(db, schema);
    for (std::size_t t = 0; t < snapshot.tables.size(); ++t) {
      if (!created[t]) continue;
      if (const Table* table = server.find_table(snapshot.tables[t].name))
        take_text(snapshot.tables[t], *table, t);
    }
    for (std::size_t v = 0; v < snapshot.views.size(); ++v) {
      if (!view_created[v]) continue;
      for (const auto& view : server.views) {
        if (view.name == snapshot.views[v].name) snapshot.views[v].sql = view.sql;
      }
    }
  } catch (...) {
    db.execute("ROLLBACK");
    throw;
  }
  db.execute("ROLLBACK");
}

void canonicalize_on_server(Snapshot& snapshot) {
  if (snapshot.tables.empty() && snapshot.views.empty()) return;
  ScratchSchema scratch(scratch_server_url());
  canonicalize_on_server(snapshot, scratch.connection());
}

}  // namespace dbmigrate::postgresql
