// Old definitions seen through the renames of a diff.
#include "diff/renames.hpp"

namespace dbmigrate {

std::string Renames::table(const std::string& old_name) const {
  auto it = tables.find(old_name);
  return it == tables.end() ? old_name : it->second;
}

std::string Renames::column(const std::string& new_table, const std::string& old_column) const {
  auto table = columns.find(new_table);
  if (table == columns.end()) return old_column;
  auto it = table->second.find(old_column);
  return it == table->second.end() ? old_column : it->second;
}

std::vector<std::string> Renames::columns_of(const std::string& new_table,
                                             std::vector<std::string> old_columns) const {
  for (auto& name : old_columns) name = column(new_table, name);
  return old_columns;
}

Table Renames::in_new_names(const Table& old_table, const std::string& new_name) const {
  Table table = old_table;
  table.name = new_name;
  for (auto& col : table.columns) col.name = column(new_name, col.name);
  table.primary_key = columns_of(new_name, table.primary_key);
  for (auto& index : table.indexes) {
    for (auto& key : index.keys) {
      if (!key.expression) key.name = column(new_name, key.name);
    }
  }
  for (auto& unique : table.uniques) unique.columns = columns_of(new_name, unique.columns);
  for (auto& fk : table.foreign_keys) {
    fk.columns = columns_of(new_name, fk.columns);
    fk.ref_table = this->table(fk.ref_table);
    fk.ref_columns = columns_of(fk.ref_table, fk.ref_columns);
  }
  normalize_constraints(table);
  return table;
}

}  // namespace dbmigrate
