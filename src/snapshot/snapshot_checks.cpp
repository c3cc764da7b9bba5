// Semantic checks of a snapshot read from JSON; each error names the JSON path at fault.
#include "snapshot/snapshot_checks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <string>

#include "dbmigrate/error.hpp"

namespace dbmigrate {
namespace {

// SQL names compare without regard to ASCII case, as same_identifier() does.
std::string name_key(std::string_view name) {
  std::string key(name);
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

class Checker {
 public:
  explicit Checker(std::string_view origin) : origin_(origin) {}

  [[noreturn]] void fail(const std::string& path, std::string_view what) const {
    if (origin_.empty()) throw Error(ErrorKind::input, fmt::format("{}: {}", path, what));
    throw Error(ErrorKind::input, fmt::format("{}: {}: {}", origin_, path, what));
  }

  // A name SQL can spell: never a NUL (SQLite's C API would cut it there), empty only where
  // `may_be_empty`.
  void name(const std::string& path, std::string_view name, bool may_be_empty = false) const {
    if (name.find('\0') != std::string_view::npos) fail(path, "name contains a NUL character");
    if (name.empty() && !may_be_empty) fail(path, "empty name");
  }

  // Remembers `name` at `path`; a second one that differs only in case is an error.
  void unique(std::map<std::string, std::string>& seen, std::string_view kind,
              const std::string& path, std::string_view name) const {
    auto [first, fresh] = seen.try_emplace(name_key(name), path);
    if (!fresh) {
      fail(path + ".name", fmt::format("duplicate {} '{}' (also {})", kind, name, first->second));
    }
  }

  void column_of(const Table& table, const std::string& path, std::string_view column) const {
    name(path, column);
    // As SQLite resolves a column named in a key: ignoring case.
    const bool found = std::any_of(table.columns.begin(), table.columns.end(),
                                   [&](const Column& c) { return same_identifier(c.name, column); });
    if (!found) {
      fail(path, fmt::format("'{}' is not a column of table '{}'", column, table.name));
    }
  }

  // Each of `columns` (at `path`[i]) must be a column of `table`.
  void columns_of(const Table& table, const std::string& path,
                  const std::vector<std::string>& columns) const {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      column_of(table, fmt::format("{}[{}]", path, i), columns[i]);
    }
  }

  void table(const Table& table, const std::string& path,
             std::map<std::string, std::string>& indexes) const {
    name(path + ".name", table.name);
    std::map<std::string, std::string> columns;
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      const auto at = fmt::format("{}.columns[{}]", path, i);
      name(at + ".name", table.columns[i].name);
      unique(columns, "column", at, table.columns[i].name);
    }
    columns_of(table, path + ".primary_key", table.primary_key);
    for (std::size_t i = 0; i < table.indexes.size(); ++i) {
      const Index& index = table.indexes[i];
      const auto at = fmt::format("{}.indexes[{}]", path, i);
      name(at + ".name", index.name);
      unique(indexes, "index", at, index.name);
      if (index.keys.empty()) fail(at + ".keys", fmt::format("index '{}' has no keys", index.name));
      for (std::size_t k = 0; k < index.keys.size(); ++k) {
        const IndexKey& key = index.keys[k];
        if (!key.expression) column_of(table, fmt::format("{}.keys[{}]", at, k), key.name);
      }
    }
    for (std::size_t i = 0; i < table.uniques.size(); ++i) {
      const auto at = fmt::format("{}.uniques[{}]", path, i);
      if (table.uniques[i].name) name(at + ".name", *table.uniques[i].name, true);
      if (table.uniques[i].columns.empty()) fail(at + ".columns", "unique constraint has no columns");
      columns_of(table, at + ".columns", table.uniques[i].columns);
    }
    for (std::size_t i = 0; i < table.foreign_keys.size(); ++i) {
      const ForeignKey& key = table.foreign_keys[i];
      const auto at = fmt::format("{}.foreign_keys[{}]", path, i);
      if (key.name) name(at + ".name", *key.name, true);
      if (key.columns.empty()) fail(at + ".columns", "foreign key has no columns");
      columns_of(table, at + ".columns", key.columns);
      name(at + ".ref_table", key.ref_table);
      for (std::size_t k = 0; k < key.ref_columns.size(); ++k) {
        name(fmt::format("{}.ref_columns[{}]", at, k), key.ref_columns[k]);
      }
      if (!key.ref_columns.empty() && key.ref_columns.size() != key.columns.size()) {
        fail(at + ".ref_columns",
             fmt::format("{} referenced columns for {} columns; name one for each column",
                         key.ref_columns.size(), key.columns.size()));
      }
    }
    for (std::size_t i = 0; i < table.checks.size(); ++i) {
      if (table.checks[i].name) {
        name(fmt::format("{}.checks[{}].name", path, i), *table.checks[i].name, true);
      }
    }
  }

 private:
  std::string_view origin_;
};

}  // namespace

void check_snapshot(const Snapshot& snapshot, std::string_view origin) {
  const Checker check(origin);
  std::map<std::string, std::string> tables;
  std::map<std::string, std::string> indexes;
  for (std::size_t i = 0; i < snapshot.tables.size(); ++i) {
    const auto at = fmt::format("tables[{}]", i);
    check.table(snapshot.tables[i], at, indexes);
    check.unique(tables, "table", at, snapshot.tables[i].name);
  }
  std::map<std::string, std::string> views;
  for (std::size_t i = 0; i < snapshot.views.size(); ++i) {
    const auto at = fmt::format("views[{}]", i);
    check.name(at + ".name", snapshot.views[i].name);
    check.unique(views, "view", at, snapshot.views[i].name);
  }
  std::map<std::string, std::string> triggers;
  for (std::size_t i = 0; i < snapshot.triggers.size(); ++i) {
    const Trigger& trigger = snapshot.triggers[i];
    const auto at = fmt::format("triggers[{}]", i);
    check.name(at + ".name", trigger.name);
    check.unique(triggers, "trigger", at, trigger.name);
    if (!tables.contains(name_key(trigger.table))) {
      check.fail(at + ".table", fmt::format("'{}' is not a table of the snapshot", trigger.table));
    }
  }
}

}  // namespace dbmigrate
