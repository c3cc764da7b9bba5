// The builders' edits to one table of a Schema. Mistakes that only the order of calls shows
// (on_delete() before references(), a primary key declared twice) are recorded here; the rest
// are found by Schema::mistakes() once everything is declared.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "dbmigrate/model.hpp"

namespace dbmigrate {

IndexColumn IndexColumn::desc() const {
  IndexColumn column = *this;
  column.key_.descending = true;
  return column;
}

IndexColumn IndexColumn::collate(std::string collation) const {
  IndexColumn column = *this;
  column.key_.collation = std::move(collation);
  return column;
}

IndexColumn sql_expression(std::string expression) {
  IndexColumn column(std::move(expression));
  column.key_.expression = true;
  return column;
}

namespace detail {

Table& TableEditor::table() const {
  return schema_->tables_[table_].table;
}

void TableEditor::mistake(std::string message) const {
  schema_->tables_[table_].mistakes.push_back(fmt::format("table '{}': {}", table().name, message));
}

std::size_t TableEditor::add_column(std::string name, std::string_view type, bool nullable) {
  table().columns.push_back(
      {.name = std::move(name), .type = std::string(type), .nullable = nullable});
  return table().columns.size() - 1;
}

void TableEditor::set_column_type(std::size_t column, std::string type) {
  table().columns[column].type = std::move(type);
}

void TableEditor::column_nullable(std::size_t column, bool nullable) {
  table().columns[column].nullable = nullable;
}

void TableEditor::column_primary_key(std::size_t column) {
  auto& key = table().primary_key;
  const auto& name = table().columns[column].name;
  if (std::find(key.begin(), key.end(), name) != key.end()) {
    mistake(fmt::format("column '{}' is declared primary key twice", name));
    return;
  }
  key.push_back(name);
}

void TableEditor::column_autoincrement(std::size_t column) {
  table().columns[column].autoincrement = true;
}

void TableEditor::column_unique(std::size_t column, std::optional<std::string> name) {
  table().uniques.push_back({.name = std::move(name), .columns = {table().columns[column].name}});
}

void TableEditor::column_server_default(std::size_t column, std::string sql) {
  table().columns[column].default_sql = std::move(sql);
}

void TableEditor::column_generated(std::size_t column, std::string expression, bool stored) {
  table().columns[column].generated =
      Generated{.expression = std::move(expression), .stored = stored};
}

void TableEditor::column_collation(std::size_t column, std::string collation) {
  table().columns[column].collation = std::move(collation);
}

void TableEditor::column_renamed_from(std::size_t column, std::string old_name) {
  table().columns[column].renamed_from = std::move(old_name);
}

std::size_t TableEditor::column_references(std::size_t column, std::string ref_table,
                                           std::optional<std::string> ref_column,
                                           std::optional<std::string> name) {
  ForeignKey key{.name = std::move(name),
                 .columns = {table().columns[column].name},
                 .ref_table = std::move(ref_table)};
  if (ref_column) key.ref_columns.push_back(std::move(*ref_column));
  table().foreign_keys.push_back(std::move(key));
  return table().foreign_keys.size() - 1;
}

void TableEditor::column_reference_action(std::size_t column,
                                          std::optional<std::size_t> foreign_key,
                                          std::string_view which, ReferentialAction action) {
  if (!foreign_key) {
    mistake(fmt::format("column '{}': {}() needs references() before it",
                        table().columns[column].name, which));
    return;
  }
  if (which == "on_delete") {
    foreign_key_on_delete(*foreign_key, action);
  } else {
    foreign_key_on_update(*foreign_key, action);
  }
}

std::size_t TableEditor::add_index(std::string name, const std::vector<IndexColumn>& keys) {
  Index index{.name = std::move(name)};
  for (const auto& key : keys) index.keys.push_back(key.key());
  table().indexes.push_back(std::move(index));
  return table().indexes.size() - 1;
}

void TableEditor::index_unique(std::size_t index) {
  table().indexes[index].unique = true;
}

void TableEditor::index_where(std::size_t index, std::string sql) {
  table().indexes[index].where = std::move(sql);
}

void TableEditor::add_unique(std::vector<std::string> columns, std::optional<std::string> name,
                             std::optional<ConflictAction> on_conflict) {
  table().uniques.push_back(
      {.name = std::move(name), .columns = std::move(columns), .sqlite = {.on_conflict = on_conflict}});
}

void TableEditor::column_not_null_on_conflict(std::size_t column, ConflictAction action) {
  table().columns[column].sqlite.not_null_on_conflict = action;
}

void TableEditor::column_unique_on_conflict(std::size_t column, ConflictAction action) {
  const auto& name = table().columns[column].name;
  for (auto it = table().uniques.rbegin(); it != table().uniques.rend(); ++it) {
    if (it->columns == std::vector<std::string>{name}) {
      it->sqlite.on_conflict = action;
      return;
    }
  }
  mistake(fmt::format("column '{}': sqlite_on_conflict_unique() needs unique() before it", name));
}

void TableEditor::primary_key_on_conflict(ConflictAction action) {
  table().sqlite.primary_key_on_conflict = action;
}

std::size_t TableEditor::add_foreign_key(std::vector<std::string> columns, std::string ref_table,
                                         std::vector<std::string> ref_columns,
                                         std::optional<std::string> name) {
  table().foreign_keys.push_back({.name = std::move(name),
                                  .columns = std::move(columns),
                                  .ref_table = std::move(ref_table),
                                  .ref_columns = std::move(ref_columns)});
  return table().foreign_keys.size() - 1;
}

void TableEditor::foreign_key_on_delete(std::size_t foreign_key, ReferentialAction action) {
  table().foreign_keys[foreign_key].on_delete = action;
}

void TableEditor::foreign_key_on_update(std::size_t foreign_key, ReferentialAction action) {
  table().foreign_keys[foreign_key].on_update = action;
}

void TableEditor::foreign_key_deferrable(std::size_t foreign_key, bool initially_deferred) {
  table().foreign_keys[foreign_key].deferrable = true;
  table().foreign_keys[foreign_key].initially_deferred = initially_deferred;
}

void TableEditor::column_reference_deferrable(std::size_t column,
                                              std::optional<std::size_t> foreign_key,
                                              bool initially_deferred) {
  if (!foreign_key) {
    mistake(fmt::format("column '{}': deferrable() needs references() before it",
                        table().columns[column].name));
    return;
  }
  foreign_key_deferrable(*foreign_key, initially_deferred);
}

void TableEditor::primary_key(std::vector<std::string> columns) {
  if (!table().primary_key.empty()) {
    mistake(fmt::format("primary key declared twice: ({}), then ({})",
                        fmt::join(table().primary_key, ", "), fmt::join(columns, ", ")));
    return;
  }
  table().primary_key = std::move(columns);
}

void TableEditor::add_check(std::string expression, std::optional<std::string> name) {
  table().checks.push_back({.name = std::move(name), .expression = std::move(expression)});
}

void TableEditor::without_rowid() {
  table().sqlite.without_rowid = true;
}

void TableEditor::strict() {
  table().sqlite.strict = true;
}

void TableEditor::renamed_from(std::string old_name) {
  table().renamed_from = std::move(old_name);
}

}  // namespace detail
}  // namespace dbmigrate
