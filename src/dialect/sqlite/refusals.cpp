// SqliteDialect::refusals(): what SQLite refuses in a schema that is valid as data. Each SQL
// fragment is tried against its table's bare columns (so that the message can say which
// fragment), then the whole schema is created operation by operation, on an in-memory database.
#include <fmt/format.h>

#include "dbmigrate/diff.hpp"
#include "dbmigrate/sqlite.hpp"
#include "dialect/sqlite/connection.hpp"

namespace dbmigrate {
namespace {

// SQLite's message for `sql`, or empty when it runs.
std::string refusal(sqlite::Connection& db, const std::string& sql) {
  try {
    db.execute(sql);
    return {};
  } catch (const DatabaseError& error) {
    return error.reason();
  }
}

// Each SQL fragment against its table's bare columns, so that a message names the fragment.
void check_fragments(const SqliteDialect& dialect, const Snapshot& snapshot,
                     std::vector<std::string>& found) {
  sqlite::Connection db(":memory:");
  for (const auto& table : snapshot.tables) {
    Table bare{.name = table.name, .columns = table.columns};
    for (auto& column : bare.columns) {
      column = {.name = column.name,
                .type = column.type,
                .sqlite = {.any = column.sqlite.any, .declared_type = column.sqlite.declared_type}};
    }
    for (const auto& statement :
         dialect.render({}, {Operation{op::CreateTable{bare}}}).statements) {
      if (auto error = refusal(db, statement.sql); !error.empty()) {
        found.push_back(fmt::format("table '{}': {}", table.name, error));
      }
    }
  }
  auto probe = [&](const Table& table, std::string_view what, const std::string& sql) {
    const auto error = refusal(db, fmt::format("SELECT ({}) FROM {} LIMIT 0", sql,
                                                        dialect.quote_identifier(table.name)));
    if (!error.empty())
      found.push_back(fmt::format("table '{}': {} {}: {}", table.name, what, sql, error));
  };
  for (const auto& table : snapshot.tables) {
    for (const auto& column : table.columns) {
      if (column.default_sql)
        probe(table, fmt::format("column '{}': server default", column.name), *column.default_sql);
      if (column.generated) {
        probe(table, fmt::format("column '{}': generated", column.name),
              column.generated->expression);
      }
    }
    for (const auto& check : table.checks) probe(table, "check", check.expression);
    for (const auto& index : table.indexes) {
      if (index.where) probe(table, fmt::format("index '{}': where", index.name), *index.where);
      for (const auto& key : index.keys) {
        if (key.expression) probe(table, fmt::format("index '{}': key", index.name), key.name);
      }
    }
  }
}

// The whole schema, operation by operation, as create_all() would run it.
void check_creation(const SqliteDialect& dialect, const Snapshot& snapshot,
                    std::vector<std::string>& found) {
  sqlite::Connection db(":memory:");
  Snapshot current;
  for (const auto& operation : diff({}, without_rename_hints(snapshot))) {
    for (const auto& statement : dialect.render(current, {operation}).statements) {
      if (auto error = refusal(db, statement.sql); !error.empty()) {
        const auto table = operation.table();
        found.push_back(
            fmt::format("{}{} (SQLite refused: {})",
                        table.empty() ? std::string() : fmt::format("table '{}': ", table), error,
                        statement.sql));
        return;
      }
    }
    apply_operations(current, operation);
  }
}

}  // namespace

std::vector<std::string> SqliteDialect::refusals(const Snapshot& schema) const {
  std::vector<std::string> found;
  check_fragments(*this, schema, found);
  if (found.empty()) check_creation(*this, schema, found);
  return found;
}

}  // namespace dbmigrate
