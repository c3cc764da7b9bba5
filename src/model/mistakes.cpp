// Schema::mistakes(): what is wrong with the declarations, each message naming the table and
// column at fault. Names compare as SQLite compares them, ignoring ASCII case.
//
// The declarations are checked as data first. When that finds nothing, the dialect tries the
// schema (Dialect::refusals), so that whatever it would refuse at create_all() or upgrade time
// is reported here.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>

#include "dbmigrate/diff.hpp"
#include "dbmigrate/error.hpp"
#include "dbmigrate/model.hpp"
#include "dbmigrate/dialect_registry.hpp"
#include "model/spelling.hpp"

namespace dbmigrate {
namespace {

using model::column_named;

std::string key_of(std::string_view name) {
  std::string key(name);
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

std::vector<std::string> lowered(const std::vector<std::string>& names) {
  std::vector<std::string> keys;
  for (const auto& name : names) keys.push_back(key_of(name));
  return keys;
}

class Checker {
 public:
  Checker(std::vector<std::string>& found, const Dialect& dialect)
      : found_(found), dialect_(dialect) {}

  template <typename... Args>
  void report(const Table& table, fmt::format_string<Args...> format, Args&&... args) {
    found_.push_back(fmt::format("table '{}': {}", table.name,
                                 fmt::format(format, std::forward<Args>(args)...)));
  }

  void columns(const Table& table) {
    std::map<std::string, bool> seen;
    for (const auto& column : table.columns) {
      if (!seen.emplace(key_of(column.name), true).second) {
        report(table, "column '{}' is declared twice", column.name);
      }
      if (column.type.empty()) {
        report(table, "column '{}' has no type: call .type(\"...\") after .column(...)",
               column.name);
        continue;
      }
      const std::string type = model::canonical_type(column.type);
      try {
        if (dialect_.portable_type(dialect_.declared_type(type)) != type) {
          report(table, "column '{}': type '{}' is not a portable type's spelling", column.name,
                 column.type);
        }
      } catch (const Error& error) {
        report(table, "column '{}': {}", column.name, error.what());
      }
    }
  }

  void names(const Table& table, std::string_view what, const std::vector<std::string>& names) {
    if (names.empty()) report(table, "{} names no columns", what);
    for (const auto& name : names) {
      if (column_named(table, name) == nullptr) {
        report(table, "{} names unknown column '{}'", what, name);
      }
    }
  }

  void primary_key(const Table& table) {
    if (!table.primary_key.empty()) names(table, "primary key", table.primary_key);
    if (table.sqlite.primary_key_on_conflict && table.primary_key.empty()) {
      report(table, "sqlite_on_conflict_primary_key() on a table without a primary key");
    }
    for (const auto& column : table.columns) {
      if (column.sqlite.not_null_on_conflict && column.nullable) {
        report(table, "column '{}': sqlite_on_conflict_not_null() on a nullable column",
               column.name);
      }
    }
    for (const auto& column : table.columns) {
      if (!column.generated) continue;
      if (column.default_sql) {
        report(table, "column '{}': a generated column cannot have a server default", column.name);
      }
      for (const auto& key : table.primary_key) {
        if (same_identifier(key, column.name)) {
          report(table, "column '{}': a generated column cannot be part of the primary key",
                 column.name);
        }
      }
    }
    for (const auto& column : table.columns) {
      if (!column.autoincrement) continue;
      if (table.primary_key.size() != 1 || !same_identifier(table.primary_key[0], column.name)) {
        report(table,
               "column '{}': autoincrement needs the column to be the table's only "
               "primary-key column",
               column.name);
      } else if (model::canonical_type(column.type) != "integer") {
        report(table, "column '{}': autoincrement needs an integer column, not '{}'", column.name,
               column.type);
      }
    }
    if (table.sqlite.strict) {
      for (const auto& column : table.columns) {
        if (!is_strict_type(model::canonical_type(column.type))) {
          report(table,
                 "column '{}': a STRICT table takes {}, not '{}'; give the column one of them with "
                 ".type(...)",
                 column.name, strict_types_text, column.type);
        }
      }
    }
    if (!table.sqlite.without_rowid) return;
    if (table.primary_key.empty()) report(table, "WITHOUT ROWID needs a primary key");
    for (const auto& name : table.primary_key) {
      const Column* column = column_named(table, name);
      if (column != nullptr && column->nullable) {
        report(table,
               "column '{}' is in the primary key of a WITHOUT ROWID table, so it cannot "
               "be nullable",
               name);
      }
    }
  }

  void indexes(const Table& table, std::map<std::string, std::string>& index_tables) {
    for (const auto& index : table.indexes) {
      auto [first, added] = index_tables.emplace(key_of(index.name), table.name);
      if (!added) {
        report(table, "index '{}' is declared twice (first on table '{}')", index.name,
               first->second);
      }
      if (index.keys.empty()) report(table, "index '{}' has no keys", index.name);
      for (const auto& key : index.keys) {
        if (!key.expression && column_named(table, key.name) == nullptr) {
          report(table, "index '{}' names unknown column '{}'", index.name, key.name);
        }
      }
    }
  }

  void constraints(const Table& table, const std::vector<const Table*>& tables) {
    // SQLite keeps one index for constraints over the same columns: a repeat would vanish.
    std::vector<std::vector<std::string>> keys;
    if (!table.primary_key.empty()) keys.push_back(lowered(table.primary_key));
    for (const auto& unique : table.uniques) {
      const auto what = fmt::format("unique constraint ({})", fmt::join(unique.columns, ", "));
      names(table, what, unique.columns);
      auto key = lowered(unique.columns);
      if (!table.primary_key.empty() && key == keys.front()) {
        report(table, "{} repeats the primary key", what);
      } else if (std::find(keys.begin(), keys.end(), key) != keys.end()) {
        report(table, "{} is declared twice", what);
      }
      keys.push_back(std::move(key));
    }
    for (const auto& check : table.checks) {
      if (check.expression.find_first_not_of(" \t\r\n") == std::string::npos) {
        report(table, "a check constraint has no expression");
      }
    }
    for (const auto& key : table.foreign_keys) foreign_key(table, key, tables);
  }

  void foreign_key(const Table& table, const ForeignKey& key,
                   const std::vector<const Table*>& tables) {
    const std::string what = fmt::format("foreign key ({})", fmt::join(key.columns, ", "));
    names(table, what, key.columns);
    const Table* target = nullptr;
    for (const Table* candidate : tables) {
      if (same_identifier(candidate->name, key.ref_table)) target = candidate;
    }
    if (target == nullptr) {
      report(table, "{} references unknown table '{}'", what, key.ref_table);
      return;
    }
    std::vector<std::string> ref_columns = key.ref_columns;
    if (ref_columns.empty()) {
      if (target->primary_key.empty()) {
        report(table,
               "{} references table '{}' without naming columns, but '{}' has no primary "
               "key",
               what, target->name, target->name);
        return;
      }
      ref_columns = target->primary_key;
    }
    for (const auto& name : ref_columns) {
      if (column_named(*target, name) == nullptr) {
        report(table, "{} references unknown column '{}.{}'", what, target->name, name);
      }
    }
    if (ref_columns.size() != key.columns.size()) {
      report(table, "{} has {} columns but references {} ({}.{})", what, key.columns.size(),
             ref_columns.size(), target->name, fmt::join(ref_columns, ", "));
    }
  }

 private:
  std::vector<std::string>& found_;
  const Dialect& dialect_;
};

}  // namespace

std::vector<std::string> Schema::mistakes() const {
  const Dialect& dialect = default_dialect();
  std::vector<std::string> found;
  Checker checker(found, dialect);
  std::vector<const Table*> tables;
  std::map<std::string, bool> table_names;
  for (const auto& draft : tables_) {
    tables.push_back(&draft.table);
    if (!table_names.emplace(key_of(draft.table.name), true).second) {
      found.push_back(fmt::format("table '{}' is declared twice", draft.table.name));
    }
  }
  std::map<std::string, std::string> index_tables;
  for (const auto& draft : tables_) {
    const Table& table = draft.table;
    found.insert(found.end(), draft.mistakes.begin(), draft.mistakes.end());
    if (table.columns.empty())
      found.push_back(fmt::format("table '{}' has no columns", table.name));
    checker.columns(table);
    checker.primary_key(table);
    checker.indexes(table, index_tables);
    checker.constraints(table, tables);
  }
  std::map<std::string, bool> other_names;
  std::map<std::string, bool> view_names;
  for (const auto& view : views_) {
    const auto stored = dialect.stored_statement("VIEW", view.sql);
    view_names.emplace(key_of(view.name), true);
    if (!other_names.emplace(key_of(view.name), true).second) {
      found.push_back(fmt::format("view '{}' is declared twice", view.name));
    }
    if (!stored.problem.empty()) {
      found.push_back(fmt::format("view '{}': {}", view.name, stored.problem));
    } else if (!same_identifier(stored.name, view.name)) {
      found.push_back(fmt::format("view '{}': the statement creates '{}'", view.name, stored.name));
    }
  }
  for (const auto& trigger : triggers_) {
    const auto stored = dialect.stored_statement("TRIGGER", trigger.sql);
    if (!other_names.emplace(key_of(trigger.name), true).second) {
      found.push_back(fmt::format("trigger '{}' is declared twice", trigger.name));
    }
    if (!stored.problem.empty()) {
      found.push_back(fmt::format("trigger '{}': {}", trigger.name, stored.problem));
    } else if (!same_identifier(stored.name, trigger.name)) {
      found.push_back(
          fmt::format("trigger '{}': the statement creates '{}'", trigger.name, stored.name));
    } else if (stored.table != trigger.table) {
      found.push_back(
          fmt::format("trigger '{}': declared on table '{}', but the statement is on '{}'",
                      trigger.name, trigger.table, stored.table));
    } else if (!table_names.contains(key_of(trigger.table)) &&
               !view_names.contains(key_of(trigger.table))) {
      found.push_back(
          fmt::format("trigger '{}' is on unknown table '{}'", trigger.name, trigger.table));
    }
  }
  if (!found.empty()) return found;

  return dialect.refusals(unchecked_snapshot());
}

}  // namespace dbmigrate
