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

Index Renames::in_new_names(const std::string& new_table, Index index) const {
  for (auto& key : index.keys) {
    if (!key.expression) key.name = column(new_table, key.name);
  }
  return index;
}

ForeignKey Renames::in_new_names(const std::string& new_table, ForeignKey fk) const {
  fk.columns = columns_of(new_table, fk.columns);
  fk.ref_table = table(fk.ref_table);
  fk.ref_columns = columns_of(fk.ref_table, fk.ref_columns);
  return fk;
}

UniqueConstraint Renames::in_new_names(const std::string& new_table, UniqueConstraint unique) const {
  unique.columns = columns_of(new_table, unique.columns);
  return unique;
}

Table Renames::in_new_names(const Table& old_table, const std::string& new_name) const {
  Table table = old_table;
  table.name = new_name;
  for (auto& col : table.columns) col.name = column(new_name, col.name);
  table.primary_key = columns_of(new_name, table.primary_key);
  for (auto& index : table.indexes) index = in_new_names(new_name, index);
  for (auto& unique : table.uniques) unique = in_new_names(new_name, unique);
  for (auto& fk : table.foreign_keys) fk = in_new_names(new_name, fk);
  normalize_constraints(table);
  return table;
}

}  // namespace dbmigrate
