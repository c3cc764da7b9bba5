// Rename hints resolved and ordered; old definitions seen through the renames of a diff.
#include "diff/renames.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "dbmigrate/error.hpp"
#include "diff/column_rename_text.hpp"

namespace dbmigrate {
namespace {

// A dropped column or table never matches a name on the new side.
std::string gone(const std::string& name) { return "\x01gone:" + name; }

}  // namespace

std::map<std::string, std::string> pending_renames(const std::vector<HintedName>& now, const std::set<std::string>& before,
                                                   const std::string& what) {
  std::set<std::string> now_names, renamed_away;
  for (const auto& item : now) {
    now_names.insert(item.name);
    if (item.renamed_from) renamed_away.insert(*item.renamed_from);
  }
  std::map<std::string, std::string> pending;
  for (const auto& item : now) {
    if (!item.renamed_from || *item.renamed_from == item.name || !before.count(*item.renamed_from)) continue;
    const std::string& old_name = *item.renamed_from;
    if (before.count(item.name) && now_names.count(old_name) && !renamed_away.count(item.name)) continue;  // done
    auto [at, added] = pending.emplace(old_name, item.name);
    if (!added) {
      throw Error(ErrorKind::input, fmt::format("{} '{}' and '{}' both say they were renamed from '{}': keep one hint",
                                                what, at->second, item.name, old_name));
    }
  }
  return pending;
}

std::vector<std::pair<std::string, std::string>> rename_steps(const std::map<std::string, std::string>& renames,
                                                             IdentifierCase names) {
  std::vector<std::pair<std::string, std::string>> pending(renames.begin(), renames.end());
  std::vector<std::pair<std::string, std::string>> steps;
  while (!pending.empty()) {
    auto free = std::find_if(pending.begin(), pending.end(), [&](const auto& rename) {
      return std::none_of(pending.begin(), pending.end(), [&](const auto& other) { return other.first == rename.second; });
    });
    if (free == pending.end()) {
      // Every target is still taken: a cycle. Move one out of the way first.
      auto& [from, to] = pending.front();
      std::string temporary = "_dbmigrate_renaming_" + from;
      steps.emplace_back(from, temporary);
      from = temporary;
      continue;
    }
    if (free->first != free->second && same_identifier(free->first, free->second, names)) {
      // SQLite refuses a rename that only changes case: go through another name.
      std::string temporary = "_dbmigrate_renaming_" + free->first;
      steps.emplace_back(free->first, temporary);
      steps.emplace_back(temporary, free->second);
    } else {
      steps.push_back(*free);
    }
    pending.erase(free);
  }
  return steps;
}

std::string Renames::table(const std::string& old_name) const {
  if (dropped_tables.count(old_name)) return gone(old_name);
  auto it = tables.find(old_name);
  return it == tables.end() ? old_name : it->second;
}

std::string Renames::column(const std::string& new_table, const std::string& old_column) const {
  if (auto dropped = dropped_columns.find(new_table); dropped != dropped_columns.end() && dropped->second.count(old_column)) {
    return gone(old_column);
  }
  auto table = columns.find(new_table);
  if (table == columns.end()) return old_column;
  auto it = table->second.find(old_column);
  return it == table->second.end() ? old_column : it->second;
}

std::vector<std::string> Renames::columns_of(const std::string& new_table, std::vector<std::string> old_columns) const {
  for (auto& name : old_columns) name = column(new_table, name);
  return old_columns;
}

std::string Renames::expression_in_new_names(const std::string& new_table, std::string_view sql) const {
  auto table = columns.find(new_table);
  if (table == columns.end()) return std::string(sql);
  return rename_columns_in(sql, table->second);
}

Index Renames::in_new_names(const std::string& new_table, Index index) const {
  for (auto& key : index.keys) {
    key.name = key.expression ? expression_in_new_names(new_table, key.name) : column(new_table, key.name);
  }
  if (index.where) index.where = expression_in_new_names(new_table, *index.where);
  return index;
}

CheckConstraint Renames::in_new_names(const std::string& new_table, CheckConstraint check) const {
  check.expression = expression_in_new_names(new_table, check.expression);
  return check;
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
  for (auto& col : table.columns) {
    col.name = column(new_name, col.name);
    if (col.generated) col.generated->expression = expression_in_new_names(new_name, col.generated->expression);
  }
  table.primary_key = columns_of(new_name, table.primary_key);
  for (auto& index : table.indexes) index = in_new_names(new_name, index);
  for (auto& unique : table.uniques) unique = in_new_names(new_name, unique);
  for (auto& fk : table.foreign_keys) fk = in_new_names(new_name, fk);
  for (auto& check : table.checks) check = in_new_names(new_name, check);
  normalize_constraints(table);
  return table;
}

}  // namespace dbmigrate
