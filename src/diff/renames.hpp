// Renames: which rename hints are still to be carried out, the order to carry them out in,
// and old definitions spelled in new names.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "dbmigrate/snapshot.hpp"

namespace dbmigrate {

// One side's names and their hints, for pending_renames().
struct HintedName {
  std::string name;
  std::optional<std::string> renamed_from;
};

// old -> new for the hints still to be carried out. A hint is pending when its old name is
// on the old side and, on the new side, its new name is not already there, or its old name
// is gone, or another hint renames that new name away (chains and swaps). A hint left in
// the model after its migration changes nothing. Two hints naming one old name:
// Error(input), `what` naming the kind ("table", "column in table 'users'").
[[nodiscard]] std::map<std::string, std::string> pending_renames(const std::vector<HintedName>& now,
                                                                 const std::set<std::string>& before,
                                                                 const std::string& what);

// The renames as steps that never rename onto a name still in use: a chain goes end first,
// a cycle (a swap) through a temporary name.
// A rename that only changes case, where names ignore case, goes through another name (SQLite
// refuses it otherwise).
[[nodiscard]] std::vector<std::pair<std::string, std::string>> rename_steps(
    const std::map<std::string, std::string>& renames, IdentifierCase names);

struct Renames {
  IdentifierCase names = IdentifierCase::ascii_insensitive;  // how the dialect compares names
  std::map<std::string, std::string> tables;                          // old -> new
  std::set<std::string> dropped_tables;                               // old names
  std::map<std::string, std::map<std::string, std::string>> columns;  // new table -> old -> new
  std::map<std::string, std::set<std::string>> dropped_columns;       // new table -> old names

  [[nodiscard]] std::string table(const std::string& old_name) const;
  [[nodiscard]] std::string column(const std::string& new_table, const std::string& old_column) const;
  [[nodiscard]] std::vector<std::string> columns_of(const std::string& new_table,
                                                    std::vector<std::string> old_columns) const;

  // An old index or constraint of `new_table`, spelled with the new names.
  [[nodiscard]] Index in_new_names(const std::string& new_table, Index index) const;
  [[nodiscard]] ForeignKey in_new_names(const std::string& new_table, ForeignKey fk) const;
  [[nodiscard]] UniqueConstraint in_new_names(const std::string& new_table, UniqueConstraint unique) const;
  [[nodiscard]] CheckConstraint in_new_names(const std::string& new_table, CheckConstraint check) const;
  // An expression of `new_table` (CHECK, index key or WHERE, generated column) in the new
  // column names, as the database rewrites it on RENAME COLUMN.
  [[nodiscard]] std::string expression_in_new_names(const std::string& new_table, std::string_view sql) const;

  // An old table's keys, indexes and constraints spelled with the new names.
  [[nodiscard]] Table in_new_names(const Table& old_table, const std::string& new_name) const;
};

}  // namespace dbmigrate
