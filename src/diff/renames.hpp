// The renames a diff has found, to compare old definitions in new names.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "dbmigrate/snapshot.hpp"

namespace dbmigrate {

struct Renames {
  std::map<std::string, std::string> tables;                             // old -> new
  std::map<std::string, std::map<std::string, std::string>> columns;     // new table -> old -> new

  [[nodiscard]] std::string table(const std::string& old_name) const;
  [[nodiscard]] std::string column(const std::string& new_table, const std::string& old_column) const;
  [[nodiscard]] std::vector<std::string> columns_of(const std::string& new_table,
                                                    std::vector<std::string> old_columns) const;

  // An old index or constraint of `new_table`, spelled with the new names.
  [[nodiscard]] Index in_new_names(const std::string& new_table, Index index) const;
  [[nodiscard]] ForeignKey in_new_names(const std::string& new_table, ForeignKey fk) const;
  [[nodiscard]] UniqueConstraint in_new_names(const std::string& new_table, UniqueConstraint unique) const;

  // An old table's keys, indexes and constraints spelled with the new names.
  [[nodiscard]] Table in_new_names(const Table& old_table, const std::string& new_name) const;
};

}  // namespace dbmigrate
