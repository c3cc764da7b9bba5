// canonicalize_sql_text(): every SQL fragment of a snapshot in its dialect's canonical text.
#include "dbmigrate/dialect.hpp"

namespace dbmigrate {
namespace {

void canonicalize_table(Table& table, const Dialect& dialect) {
  std::vector<std::string> names;
  for (const auto& column : table.columns) names.push_back(column.name);
  for (auto& column : table.columns) {
    if (column.default_sql) column.default_sql = dialect.normalize_default(*column.default_sql);
    if (column.generated)
      column.generated->expression =
          dialect.normalize_expression(column.generated->expression, names);
    if (column.collation) column.collation = dialect.normalize_collation(*column.collation);
  }
  for (auto& check : table.checks)
    check.expression = dialect.normalize_expression(check.expression, names);
  for (auto& index : table.indexes) {
    if (index.where) index.where = dialect.normalize_expression(*index.where, names);
    for (auto& key : index.keys) {
      if (key.expression) key.name = dialect.normalize_expression(key.name, names);
      if (key.collation) key.collation = dialect.normalize_collation(*key.collation);
    }
  }
  for (auto& unique : table.uniques) {
    for (auto& order : unique.orders) {
      if (order.collation) order.collation = dialect.normalize_collation(*order.collation);
    }
  }
}

}  // namespace

void canonicalize_sql_text(Snapshot& snapshot, const Dialect& dialect) {
  for (auto& table : snapshot.tables) canonicalize_table(table, dialect);
  // Text that is not one statement of its kind is left as it is, for the checks to report.
  for (auto& view : snapshot.views) {
    if (auto stored = dialect.stored_statement("VIEW", view.sql); stored.problem.empty())
      view.sql = std::move(stored.sql);
  }
  for (auto& trigger : snapshot.triggers) {
    if (auto stored = dialect.stored_statement("TRIGGER", trigger.sql); stored.problem.empty())
      trigger.sql = std::move(stored.sql);
  }
  dialect.canonicalize_snapshot(snapshot);
}

}  // namespace dbmigrate
