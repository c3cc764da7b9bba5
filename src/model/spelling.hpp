// Names as SQLite compares them (ASCII case ignored) and as the declaration spells them.
#pragma once

#include <string>
#include <string_view>

#include "dbmigrate/snapshot.hpp"

namespace dbmigrate::model {


// The column of `table` that `name` means, or null.
[[nodiscard]] inline const Column* column_named(const Table& table, std::string_view name) {
  for (const auto& column : table.columns) {
    if (same_identifier(column.name, name)) return &column;
  }
  return nullptr;
}

// A portable type as written in .type(), in the snapshot's spelling: "VARCHAR( 13 )" ->
// "varchar(13)".
[[nodiscard]] std::string canonical_type(std::string_view type);

}  // namespace dbmigrate::model
