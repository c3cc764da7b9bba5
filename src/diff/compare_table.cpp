// Comparing one table with its new definition, concern by concern.
#include "diff/compare_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace dbmigrate {
namespace {

template <typename Range, typename Item>
bool contains(const Range& range, const Item& item) {
  return std::find(range.begin(), range.end(), item) != range.end();
}

const Index* find_index(const Table& table, const std::string& name) {
  for (const auto& index : table.indexes) {
    if (index.name == name) return &index;
  }
  return nullptr;
}

Column without_hint(Column column) {
  column.renamed_from.reset();
  return column;
}

}  // namespace

void match_columns(const Table& from, const Table& to, Renames& renames) {
  // Most tables keep every column under its name: nothing to match.
  const bool same_names = from.columns.size() == to.columns.size() &&
                          std::equal(from.columns.begin(), from.columns.end(), to.columns.begin(),
                                     [](const Column& a, const Column& b) {
                                       return a.name == b.name && !b.renamed_from;
                                     });
  if (same_names) return;
  std::vector<HintedName> now;
  for (const auto& column : to.columns) now.push_back({column.name, column.renamed_from});
  std::set<std::string> before;
  for (const auto& column : from.columns) before.insert(column.name);
  auto pending = pending_renames(now, before, fmt::format("columns of table '{}'", to.name));

  std::set<std::string> claimed;  // old names that live on
  for (const auto& [old_name, new_name] : pending) claimed.insert(old_name);
  std::vector<const Column*> unmatched;
  for (const auto& column : to.columns) {
    bool renamed_here = std::any_of(pending.begin(), pending.end(),
                                    [&](const auto& r) { return r.second == column.name; });
    if (renamed_here) continue;
    if (before.count(column.name) && !claimed.count(column.name)) {
      claimed.insert(column.name);
    } else {
      unmatched.push_back(&column);
    }
  }
  // SQL names ignore case: a column whose name only changed case is renamed, not replaced.
  for (const Column* column : unmatched) {
    for (const auto& old : from.columns) {
      if (!claimed.count(old.name) && same_identifier(old.name, column->name, renames.names)) {
        claimed.insert(old.name);
        pending.emplace(old.name, column->name);
        break;
      }
    }
  }
  for (const auto& column : from.columns) {
    if (!claimed.count(column.name)) renames.dropped_columns[to.name].insert(column.name);
  }
  if (!pending.empty()) renames.columns[to.name] = std::move(pending);
}

void compare_table(const Table& from, const Table& to, const Renames& renames, Operations& out) {
  const std::size_t first = out.size();
  const std::string& name = to.name;
  const Table old = renames.in_new_names(from, name);

  // 1. What goes away first, so that the columns it covers can change. These run before
  // the column renames, so each carries its definition in the old column names: compared
  // in new names, recorded in old ones (the inverse recreates exactly what was there).
  for (const auto& original : from.indexes) {
    const Index renamed = renames.in_new_names(name, original);
    const Index* now = find_index(to, renamed.name);
    if (now == nullptr || !(*now == renamed)) out.push_back({op::DropIndex{name, original}});
  }
  for (const auto& original : from.foreign_keys) {
    if (contains(to.foreign_keys, renames.in_new_names(name, original))) continue;
    // As the schema stands when the drop runs: every table renamed, and the column renames
    // of the tables compared before this one (in name order) done.
    ForeignKey as_found = original;
    as_found.ref_table = renames.table(original.ref_table);
    if (as_found.ref_table < name)
      as_found.ref_columns = renames.columns_of(as_found.ref_table, original.ref_columns);
    out.push_back({op::DropForeignKey{name, as_found}});
  }
  for (const auto& original : from.uniques) {
    if (!contains(to.uniques, renames.in_new_names(name, original)))
      out.push_back({op::DropUnique{name, original}});
  }
  for (const auto& check : from.checks) {
    if (!contains(to.checks, renames.in_new_names(name, check))) out.push_back({op::DropCheck{name, check}});
  }

  // 2. Columns: drops (a rename may take a dropped column's name), renames, additions, changes.
  if (auto dropped = renames.dropped_columns.find(name); dropped != renames.dropped_columns.end()) {
    for (const auto& column : from.columns) {
      if (dropped->second.count(column.name)) out.push_back({op::DropColumn{name, column}});
    }
  }
  if (auto renamed = renames.columns.find(name); renamed != renames.columns.end()) {
    for (const auto& [old_name, new_name] : rename_steps(renamed->second, renames.names)) {
      out.push_back({op::RenameColumn{name, old_name, new_name}});
    }
  }
  // New generated columns after the other new ones: an expression may read a column added in
  // the same change.
  for (const bool generated : {false, true}) {
    for (const auto& column : to.columns) {
      if (column.generated.has_value() == generated && !old.find_column(column.name)) {
        out.push_back({op::AddColumn{name, without_hint(column)}});
      }
    }
  }
  // A type spelt another way that means the same (same_sqlite_declaration) changes nothing by
  // itself; it goes along only with another change of the table, so that a rebuild for that
  // one declares the new spelling.
  const std::size_t respelled_at = out.size();
  Operations respelled;
  for (const auto& column : to.columns) {
    const Column* before = old.find_column(column.name);
    if (!before) continue;
    Column now = without_hint(column);
    if (!(*before == now)) {
      const bool same_meaning = same_column_meaning(old, *before, to, now);
      Operation change{op::AlterColumn{name, *before, std::move(now)}};
      if (same_meaning) {
        respelled.push_back(std::move(change));
      } else {
        out.push_back(std::move(change));
      }
    }
  }

  // 3. The table itself.
  if (old.primary_key != to.primary_key ||
      old.sqlite.primary_key_on_conflict != to.sqlite.primary_key_on_conflict) {
    // A dropped column keeps its own name in the key it leaves, so that the inverse restores it.
    std::vector<std::string> old_key = old.primary_key;
    for (std::size_t i = 0; i < old_key.size(); ++i) {
      if (!to.find_column(old_key[i]) && i < from.primary_key.size()) old_key[i] = from.primary_key[i];
    }
    out.push_back({op::AlterPrimaryKey{name, old_key, to.primary_key,
                                       old.sqlite.primary_key_on_conflict,
                                       to.sqlite.primary_key_on_conflict}});
  }
  if (op::options_of(old) != op::options_of(to)) {
    std::vector<std::string> any_columns;
    for (const auto& column : (old.sqlite.strict ? old : to).columns) {
      if (column.sqlite.any) any_columns.push_back(column.name);
    }
    out.push_back({op::AlterTableOptions{name, op::options_of(old), op::options_of(to),
                                         std::move(any_columns)}});
  }

  // 4. What is new last, once every column it covers exists.
  for (const auto& unique : to.uniques) {
    if (!contains(old.uniques, unique)) out.push_back({op::AddUnique{name, unique}});
  }
  for (const auto& check : to.checks) {
    if (!contains(old.checks, check)) out.push_back({op::AddCheck{name, check}});
  }
  for (const auto& fk : to.foreign_keys) {
    if (!contains(old.foreign_keys, fk)) out.push_back({op::AddForeignKey{name, fk}});
  }
  for (const auto& index : to.indexes) {
    const Index* before = find_index(old, index.name);
    if (before == nullptr || !(*before == index)) out.push_back({op::CreateIndex{name, index}});
  }
  if (out.size() != first && !respelled.empty()) {
    out.insert(out.begin() + static_cast<std::ptrdiff_t>(respelled_at),
               std::make_move_iterator(respelled.begin()),
               std::make_move_iterator(respelled.end()));
  }
}

}  // namespace dbmigrate
