// What PostgreSQL refuses in a schema that is valid as data, and whether each SQL fragment of a
// snapshot is one thing of its kind.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "dbmigrate/diff.hpp"
#include "dbmigrate/version_tables.hpp"
#include "dialect/postgresql/names.hpp"
#include "dialect/postgresql/render.hpp"
#include "dialect/postgresql/scratch.hpp"
#include "dialect/postgresql/sql_text.hpp"
#include "dialect/postgresql/statement_shape.hpp"
#include "dialect/postgresql/types.hpp"

namespace dbmigrate::postgresql {
namespace {

class FragmentCheck final : public SqlFragmentCheck {
 public:
  std::string expression(std::string_view sql) const override { return shape_problem(sql); }
  std::string default_value(std::string_view sql) const override { return shape_problem(sql); }
  std::string view(std::string_view sql, std::string_view name) const override {
    return statement(read_create_statement("VIEW", sql), name, {});
  }
  std::string trigger(std::string_view sql, std::string_view name,
                      std::string_view table) const override {
    return statement(read_create_statement("TRIGGER", sql), name, table);
  }
  std::string column_type(std::string_view type) const override { return type_problem(type); }
  std::string table_name(std::string_view name) const override {
    if (auto problem = name_problem(name); !problem.empty()) return problem;
    for (auto own : {version_table_name, history_table_name}) {
      if (name == own) {
        return fmt::format(
            "'{}' is the name of a table DbMigrate keeps in the database ({} and {}); give the "
            "table another name",
            name, version_table_name, history_table_name);
      }
    }
    return {};
  }

 private:
  static std::string statement(const StoredStatement& stored, std::string_view name,
                               std::string_view table) {
    if (!stored.problem.empty()) return stored.problem;
    if (stored.name != name)
      return fmt::format("the statement creates '{}', not '{}'", stored.name, name);
    if (!table.empty() && stored.table != table)
      return fmt::format("the trigger is on '{}', not on '{}'", stored.table, table);
    return {};
  }
};

// What no server needs asking about: names, and what only SQLite has.
void check_without_server(const Snapshot& schema, std::vector<std::string>& found) {
  auto name = [&](const std::string& table, std::string_view what, std::string_view value) {
    if (auto problem = name_problem(value); !problem.empty())
      found.push_back(fmt::format("table '{}': {}: {}", table, what, problem));
  };
  for (const auto& table : schema.tables) {
    name(table.name, "table", table.name);
    if (op::options_of(table) != op::TableOptions{}) {
      found.push_back(fmt::format(
          "table '{}': WITHOUT ROWID and STRICT are SQLite's table options; PostgreSQL has "
          "none of them: remove them from the model",
          table.name));
    }
    for (const auto& column : table.columns) {
      name(table.name, "column", column.name);
      if (auto problem = type_problem(column.type); !problem.empty())
        found.push_back(fmt::format("table '{}': column '{}': {}", table.name, column.name, problem));
      if (column.generated && !column.generated->stored) {
        found.push_back(fmt::format(
            "table '{}': column '{}': PostgreSQL 15 has only STORED generated columns, not "
            "VIRTUAL ones: make it stored",
            table.name, column.name));
      }
      if (column.autoincrement && !is_integer_type(column.type)) {
        found.push_back(fmt::format(
            "table '{}': column '{}': an identity (autoincrement) column must be smallint, "
            "integer or bigint, not {}",
            table.name, column.name, column.type));
      }
    }
    for (const auto& index : table.indexes) name(table.name, "index", index.name);
    for (const auto& unique : table.uniques) {
      if (unique.name) name(table.name, "unique constraint", *unique.name);
      if (!unique.orders.empty()) {
        found.push_back(fmt::format(
            "table '{}': unique constraint ({}): PostgreSQL's UNIQUE constraints key plain "
            "columns, without DESC or COLLATE: declare a unique index instead",
            table.name, fmt::join(unique.columns, ", ")));
      }
    }
    for (const auto& fk : table.foreign_keys) {
      if (fk.name) name(table.name, "foreign key", *fk.name);
    }
    for (const auto& check : table.checks) {
      if (check.name) name(table.name, "check", *check.name);
    }
  }
}

// The whole schema created operation by operation on a scratch schema, in one transaction
// rolled back at the end.
void check_creation(const Snapshot& schema, std::vector<std::string>& found) {
  ScratchSchema scratch(scratch_server_url());
  Connection& db = scratch.connection();
  db.execute("BEGIN");
  Snapshot current;
  for (const auto& operation : diff({}, without_rename_hints(schema), IdentifierCase::exact)) {
    for (const auto& statement : render(current, {operation}).statements) {
      try {
        db.execute(statement.sql);
      } catch (const DatabaseError& error) {
        const auto table = operation.table();
        found.push_back(fmt::format("{}{} (PostgreSQL refused: {})",
                                    table.empty() ? std::string() : fmt::format("table '{}': ", table),
                                    error.reason(), statement.sql));
        db.execute("ROLLBACK");
        return;
      }
    }
    apply_operations(current, operation);
  }
  db.execute("ROLLBACK");
}

}  // namespace

StoredStatement stored_statement(std::string_view kind, std::string_view sql) {
  return read_create_statement(kind, sql);
}

std::unique_ptr<SqlFragmentCheck> make_fragment_check() { return std::make_unique<FragmentCheck>(); }

std::vector<std::string> refusals(const Snapshot& schema) {
  std::vector<std::string> found;
  check_without_server(schema, found);
  if (found.empty()) check_creation(schema, found);
  return found;
}

}  // namespace dbmigrate::postgresql
