// The tables, keys and foreign-key edges both diagram writers draw.
#include "diagram/diagram_model.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace dbmigrate::diagram {
namespace {

bool holds(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::optional<std::size_t> column_position(const Table& table, const std::string& name) {
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    if (table.columns[i].name == name) return i;
  }
  return std::nullopt;
}

std::string keys_of(const Table& table, const Column& column) {
  std::vector<std::string> keys;
  if (holds(table.primary_key, column.name)) keys.emplace_back("PK");
  if (std::any_of(table.foreign_keys.begin(), table.foreign_keys.end(),
                  [&](const ForeignKey& key) { return holds(key.columns, column.name); })) {
    keys.emplace_back("FK");
  }
  const auto unique_alone = [&](const std::vector<std::string>& columns) {
    return columns.size() == 1 && columns.front() == column.name;
  };
  if (std::any_of(table.uniques.begin(), table.uniques.end(),
                  [&](const UniqueConstraint& unique) { return unique_alone(unique.columns); }) ||
      std::any_of(table.indexes.begin(), table.indexes.end(), [&](const Index& index) {
        return index.unique && !index.where && index.keys.size() == 1 &&
               !index.keys.front().expression && index.keys.front().name == column.name;
      })) {
    keys.emplace_back("UK");
  }
  return fmt::format("{}", fmt::join(keys, ", "));
}

std::string label_of(const ForeignKey& key) {
  std::string label = fmt::format("{}", fmt::join(key.columns, ", "));
  if (!key.ref_columns.empty() && key.ref_columns != key.columns) {
    label += fmt::format(" -> {}", fmt::join(key.ref_columns, ", "));
  }
  if (key.on_delete != ReferentialAction::no_action) {
    label += " ON DELETE " + to_string(key.on_delete);
  }
  if (key.on_update != ReferentialAction::no_action) {
    label += " ON UPDATE " + to_string(key.on_update);
  }
  return label;
}

}  // namespace

Drawing drawing_of(const Snapshot& snapshot) {
  Drawing drawing;
  for (const auto& table : snapshot.tables) {
    DrawnTable drawn{table.name, {}};
    for (const auto& column : table.columns) {
      drawn.columns.push_back({column.name, column.type, keys_of(table, column)});
    }
    drawing.tables.push_back(std::move(drawn));
  }
  for (std::size_t from = 0; from < snapshot.tables.size(); ++from) {
    const Table& table = snapshot.tables[from];
    for (const auto& key : table.foreign_keys) {
      DrawnEdge edge;
      edge.from = from;
      edge.to_name = key.ref_table;
      edge.label = label_of(key);
      if (!key.columns.empty()) edge.from_column = column_position(table, key.columns.front());
      edge.optional = std::any_of(key.columns.begin(), key.columns.end(), [&](const auto& name) {
        const Column* column = table.find_column(name);
        return column == nullptr || column->nullable;
      });
      if (const Table* referenced = snapshot.find_table(key.ref_table)) {
        edge.to = static_cast<std::size_t>(referenced - snapshot.tables.data());
        // A key without referenced columns refers to the primary key.
        const auto& columns = key.ref_columns.empty() ? referenced->primary_key : key.ref_columns;
        if (!columns.empty()) edge.to_column = column_position(*referenced, columns.front());
      }
      drawing.edges.push_back(std::move(edge));
    }
  }
  return drawing;
}

}  // namespace dbmigrate::diagram
