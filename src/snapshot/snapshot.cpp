// Look-ups and the canonical order of a Snapshot.
#include "dbmigrate/snapshot.hpp"

#include <algorithm>

namespace dbmigrate {
namespace {

template <typename Range, typename Name>
auto find_by_name(Range& range, Name name) -> decltype(&*range.begin()) {
  auto it = std::find_if(range.begin(), range.end(), [&](const auto& item) { return item.name == name; });
  return it == range.end() ? nullptr : &*it;
}

template <typename Range>
void sort_by_name(Range& range) {
  std::stable_sort(range.begin(), range.end(),
                   [](const auto& a, const auto& b) { return a.name < b.name; });
}

}  // namespace

const Column* Table::find_column(std::string_view column) const { return find_by_name(columns, column); }
Column* Table::find_column(std::string_view column) { return find_by_name(columns, column); }

const Table* Snapshot::find_table(std::string_view table) const { return find_by_name(tables, table); }
Table* Snapshot::find_table(std::string_view table) { return find_by_name(tables, table); }

void Snapshot::normalize() {
  sort_by_name(tables);
  sort_by_name(views);
  sort_by_name(triggers);
  for (auto& table : tables) sort_by_name(table.indexes);
}

Snapshot without_rename_hints(Snapshot snapshot) {
  for (auto& table : snapshot.tables) {
    table.renamed_from.reset();
    for (auto& column : table.columns) column.renamed_from.reset();
  }
  return snapshot;
}

std::string to_string(ReferentialAction action) {
  switch (action) {
    case ReferentialAction::no_action: return "NO ACTION";
    case ReferentialAction::restrict: return "RESTRICT";
    case ReferentialAction::cascade: return "CASCADE";
    case ReferentialAction::set_null: return "SET NULL";
    case ReferentialAction::set_default: return "SET DEFAULT";
  }
  return "NO ACTION";
}

}  // namespace dbmigrate
