// What both diagram writers draw, taken from a snapshot once: the tables with each column's keys,
// and one edge per foreign key.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "dbmigrate/snapshot.hpp"

namespace dbmigrate::diagram {

struct DrawnColumn {
  std::string name;
  std::string type;
  std::string keys;  // "PK", "FK", "UK" as they apply, joined by ", "; empty for none
};

struct DrawnTable {
  std::string name;
  std::vector<DrawnColumn> columns;  // in declaration order
};

struct DrawnEdge {
  std::size_t from;                 // the referencing table, by position in Drawing::tables
  std::optional<std::size_t> to;    // the referenced table; nullopt when the snapshot lacks it
  std::string to_name;              // the referenced table's name
  std::optional<std::size_t> from_column;  // first referencing column, by position
  std::optional<std::size_t> to_column;    // first referenced column, by position
  bool optional = false;            // a referencing column is nullable: zero or one parent
  std::string label;                // "author_id", "a, b -> x, y", then "ON DELETE CASCADE" ...
};

struct Drawing {
  std::vector<DrawnTable> tables;  // in the snapshot's order (by name)
  std::vector<DrawnEdge> edges;    // by table, then the table's foreign keys in canonical order
};

[[nodiscard]] Drawing drawing_of(const Snapshot& snapshot);

}  // namespace dbmigrate::diagram
