// Semantic checks of a snapshot read from JSON; each error names the JSON path at fault.
// Paths are spelled out only for an error: checking a large snapshot formats nothing.
#include "snapshot/snapshot_checks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_map>

#include "dbmigrate/error.hpp"
#include "snapshot/utf8.hpp"

namespace dbmigrate {
namespace {

class Checker {
 public:
  Checker(const SnapshotOrigin& origin, const SqlFragmentCheck* fragments)
      : origin_(origin), fragments_(fragments) {}

  [[noreturn]] void fail(const std::string& path, std::string_view what) const {
    std::string where;
    if (origin_.locate) where = origin_.locate(part_, part_name_);
    if (where.empty()) where = origin_.file;
    if (where.empty()) throw Error(ErrorKind::input, fmt::format("{}: {}", path, what));
    throw Error(ErrorKind::input, fmt::format("{}: {}: {}", where, path, what));
  }

  // The path of a field of the SQLite part, below the object it belongs to.
  [[nodiscard]] std::string sqlite_part(std::string_view field) const {
    return origin_.format < 2 ? std::string(field) : fmt::format(".sqlite{}", field);
  }

  // The part of the snapshot the checks that follow are about, for fail().
  void at(SnapshotPart part, std::string_view name) const {
    part_ = part;
    part_name_ = name;
  }

  // Text JSON can carry: UTF-8.
  template <typename Path>  // a callable giving the JSON path, called only for an error
  void text(const Path& path, std::string_view text) const {
    if (auto at = invalid_utf8_at(text)) {
      fail(path(), fmt::format("not valid UTF-8 (byte 0x{:02X} at offset {}); write names and "
                               "SQL text in UTF-8",
                               static_cast<unsigned char>(text[*at]), *at));
    }
  }
  template <typename Path>
  void optional_text(const Path& path, const std::optional<std::string>& text) const {
    if (text) this->text(path, *text);
  }

  // A name SQL can spell: never a NUL (SQLite's C API would cut it there), empty only where
  // `may_be_empty`.
  template <typename Path>
  void name(const Path& path, std::string_view name, bool may_be_empty = false) const {
    if (name.find('\0') != std::string_view::npos) fail(path(), "name contains a NUL character");
    if (name.empty() && !may_be_empty) fail(path(), "empty name");
    text(path, name);
  }

  // SQL text the dialect vouches for: `problem` is what it found wrong with it, or empty.
  template <typename Path>
  void fragment(const Path& path, std::string_view sql, std::string_view what,
                std::string (SqlFragmentCheck::*check)(std::string_view) const) const {
    text(path, sql);
    if (fragments_ == nullptr) return;
    if (auto problem = (fragments_->*check)(sql); !problem.empty())
      fail(path(), fmt::format("{}: {}", what, problem));
  }

  // Each of `columns` (at `path`[i]) must be a column of `table`, as SQLite resolves a column
  // named in a key: ignoring case.
  template <typename Path>
  void columns_of(const Table& table, const Path& path,
                  const std::vector<std::string>& columns) const {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      column_of(
          table, [&] { return fmt::format("{}[{}]", path(), i); }, columns[i]);
    }
  }

  template <typename Path>
  void column_of(const Table& table, const Path& path, std::string_view column) const {
    name(path, column);
    const bool found =
        std::any_of(table.columns.begin(), table.columns.end(),
                    [&](const Column& c) { return same_identifier(c.name, column); });
    if (!found) fail(path(), fmt::format("'{}' is not a column of table '{}'", column, table.name));
  }

  // `indexes`: every index name so far (case ignored), with its table and place.
  void table(const Table& table, std::size_t t,
             std::unordered_map<std::string, std::pair<std::size_t, std::size_t>>& indexes) const {
    auto at = [t](std::string_view rest) { return fmt::format("tables[{}]{}", t, rest); };
    this->at(SnapshotPart::table, table.name);
    name([&] { return at(".name"); }, table.name);
    if (fragments_ != nullptr) {
      if (auto problem = fragments_->table_name(table.name); !problem.empty())
        fail(at(".name"), problem);
    }
    optional_text([&] { return at(".renamed_from"); }, table.renamed_from);
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      const std::string& column = table.columns[i].name;
      name([&] { return at(fmt::format(".columns[{}].name", i)); }, column);
      column_texts(table, i, at);
      for (std::size_t j = 0; j < i; ++j) {
        if (same_identifier(table.columns[j].name, column)) {
          fail(at(fmt::format(".columns[{}].name", i)),
               fmt::format("duplicate column '{}' (also {})", column,
                           at(fmt::format(".columns[{}]", j))));
        }
      }
    }
    columns_of(
        table, [&] { return at(".primary_key"); }, table.primary_key);
    if (table.sqlite.primary_key_on_conflict && table.primary_key.empty()) {
      fail(at(sqlite_part(".primary_key_on_conflict")),
           "an ON CONFLICT clause for a table without a primary key");
    }
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      const Column& column = table.columns[i];
      if (column.generated) {
        auto here = [&](std::string_view rest) {
          return at(fmt::format(".columns[{}]{}", i, rest));
        };
        if (column.generated->expression.empty())
          fail(here(".generated.expression"), "empty expression");
        fragment([&] { return here(".generated.expression"); }, column.generated->expression,
                 fmt::format("the expression of generated column '{}' of table '{}'", column.name,
                             table.name),
                 &SqlFragmentCheck::expression);
        if (column.default_sql) {
          fail(here(".default"),
               fmt::format("generated column '{}' cannot have a default", column.name));
        }
        if (std::find(table.primary_key.begin(), table.primary_key.end(), column.name) !=
            table.primary_key.end()) {
          fail(here(".generated"),
               fmt::format("generated column '{}' cannot be part of the primary key", column.name));
        }
      }
      if (table.columns[i].sqlite.not_null_on_conflict && table.columns[i].nullable) {
        fail(at(fmt::format(".columns[{}]{}", i, sqlite_part(".not_null_on_conflict"))),
             fmt::format(
                 "column '{}' is nullable: a NOT NULL ON CONFLICT clause needs \"nullable\": false",
                 table.columns[i].name));
      }
    }
    for (std::size_t i = 0; i < table.indexes.size(); ++i) {
      const Index& index = table.indexes[i];
      auto here = [&](std::string_view rest) { return at(fmt::format(".indexes[{}]{}", i, rest)); };
      this->at(SnapshotPart::index, index.name);
      name([&] { return here(".name"); }, index.name);
      auto [first, fresh] = indexes.try_emplace(identifier_key(index.name), t, i);
      if (!fresh) {
        fail(here(".name"), fmt::format("duplicate index '{}' (also tables[{}].indexes[{}])",
                                        index.name, first->second.first, first->second.second));
      }
      if (index.keys.empty())
        fail(here(".keys"), fmt::format("index '{}' has no keys", index.name));
      for (std::size_t k = 0; k < index.keys.size(); ++k) {
        const IndexKey& key = index.keys[k];
        auto key_path = [&] { return here(fmt::format(".keys[{}]", k)); };
        if (!key.expression) {
          column_of(table, key_path, key.name);
        } else {
          fragment([&] { return key_path() + ".expression"; }, key.name,
                   fmt::format("key {} of index '{}'", k + 1, index.name),
                   &SqlFragmentCheck::index_key);
        }
        optional_text([&] { return key_path() + ".collation"; }, key.collation);
      }
      if (index.where) {
        fragment([&] { return here(".where"); }, *index.where,
                 fmt::format("the WHERE clause of index '{}'", index.name),
                 &SqlFragmentCheck::expression);
      }
    }
    this->at(SnapshotPart::table, table.name);
    for (std::size_t i = 0; i < table.uniques.size(); ++i) {
      auto here = [&](std::string_view rest) { return at(fmt::format(".uniques[{}]{}", i, rest)); };
      if (table.uniques[i].name) name([&] { return here(".name"); }, *table.uniques[i].name, true);
      if (table.uniques[i].columns.empty())
        fail(here(".columns"), "unique constraint has no columns");
      columns_of(
          table, [&] { return here(".columns"); }, table.uniques[i].columns);
      const auto& orders = table.uniques[i].orders;
      if (!orders.empty() && orders.size() != table.uniques[i].columns.size()) {
        fail(here(".columns"), fmt::format("{} key orders for {} columns", orders.size(),
                                           table.uniques[i].columns.size()));
      }
      for (std::size_t k = 0; k < orders.size(); ++k) {
        optional_text([&] { return here(fmt::format(".columns[{}].collation", k)); },
                      orders[k].collation);
      }
    }
    for (std::size_t i = 0; i < table.foreign_keys.size(); ++i) {
      const ForeignKey& key = table.foreign_keys[i];
      auto here = [&](std::string_view rest) {
        return at(fmt::format(".foreign_keys[{}]{}", i, rest));
      };
      if (key.name) name([&] { return here(".name"); }, *key.name, true);
      if (key.columns.empty()) fail(here(".columns"), "foreign key has no columns");
      columns_of(
          table, [&] { return here(".columns"); }, key.columns);
      name([&] { return here(".ref_table"); }, key.ref_table);
      for (std::size_t k = 0; k < key.ref_columns.size(); ++k) {
        name([&] { return here(fmt::format(".ref_columns[{}]", k)); }, key.ref_columns[k]);
      }
      if (!key.ref_columns.empty() && key.ref_columns.size() != key.columns.size()) {
        fail(here(".ref_columns"),
             fmt::format("{} referenced columns for {} columns; name one for each column",
                         key.ref_columns.size(), key.columns.size()));
      }
    }
    for (std::size_t i = 0; i < table.checks.size(); ++i) {
      if (table.checks[i].name) {
        name([&] { return at(fmt::format(".checks[{}].name", i)); }, *table.checks[i].name, true);
      }
      fragment([&] { return at(fmt::format(".checks[{}].expression", i)); },
               table.checks[i].expression, fmt::format("a CHECK of table '{}'", table.name),
               &SqlFragmentCheck::expression);
    }
    if (table.sqlite.strict) strict_types(table, at);
  }

 private:
  template <typename At>
  void column_texts(const Table& table, std::size_t i, const At& at) const {
    const Column& column = table.columns[i];
    auto here = [&](std::string_view rest) { return at(fmt::format(".columns[{}]{}", i, rest)); };
    const auto whose = [&] {
      return fmt::format("column '{}' of table '{}'", column.name, table.name);
    };
    if (column.sqlite.any) {
      if (!column.type.empty()) {
        fail(here(".type"), fmt::format("{} has both a portable type and SQLite's any", whose()));
      }
    } else {
      fragment([&] { return here(".type"); }, column.type, fmt::format("the type of {}", whose()),
               &SqlFragmentCheck::column_type);
    }
    if (const auto& declared = column.sqlite.declared_type) {
      const auto path = [&] { return here(sqlite_part(".declared_type")); };
      text(path, *declared);
      if (!is_plain_type_name(*declared)) {
        fail(path(), fmt::format("the declared type of {} is not a type name: '{}' (words, then "
                                 "at most two numbers in parentheses)",
                                 whose(), *declared));
      }
      if (fragments_ != nullptr) {
        if (auto problem = fragments_->declared_type(*declared, type_text(column));
            !problem.empty())
          fail(path(), fmt::format("the declared type of {}: {}", whose(), problem));
      }
    }
    if (column.default_sql) {
      fragment([&] { return here(".default"); }, *column.default_sql,
               fmt::format("the default of {}", whose()), &SqlFragmentCheck::default_value);
    }
    optional_text([&] { return here(".collation"); }, column.collation);
    optional_text([&] { return here(".renamed_from"); }, column.renamed_from);
  }

  // SQLite refuses any other type name, or none, in a STRICT table.
  template <typename At>
  void strict_types(const Table& table, const At& at) const {
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      const std::string type = type_text(table.columns[i]);
      if (!is_strict_type(table.columns[i])) {
        fail(at(fmt::format(".columns[{}].type", i)),
             fmt::format("column '{}' of STRICT table '{}' has type '{}'; a STRICT table takes {}",
                         table.columns[i].name, table.name, type, strict_types_text));
      }
      if (const auto& declared = table.columns[i].sqlite.declared_type;
          declared && !is_strict_type(*declared) && !same_identifier(*declared, "INT")) {
        fail(at(fmt::format(".columns[{}]{}", i, sqlite_part(".declared_type"))),
             fmt::format("column '{}' of STRICT table '{}' is declared '{}'; a STRICT table "
                         "takes INT or {}",
                         table.columns[i].name, table.name, *declared, strict_types_text));
      }
    }
  }

  const SnapshotOrigin& origin_;
  const SqlFragmentCheck* fragments_;
  mutable SnapshotPart part_ = SnapshotPart::table;
  mutable std::string_view part_name_;
};

// Remembers each name of a list (case ignored) with its index; a second one is an error.
template <typename Items>
std::unordered_map<std::string, std::size_t> unique_names(const Checker& check, const Items& items,
                                                          std::string_view list,
                                                          std::string_view kind,
                                                          SnapshotPart part) {
  std::unordered_map<std::string, std::size_t> seen;
  seen.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto [first, fresh] = seen.try_emplace(identifier_key(items[i].name), i);
    if (!fresh) {
      check.at(part, items[i].name);
      check.fail(
          fmt::format("{}[{}].name", list, i),
          fmt::format("duplicate {} '{}' (also {}[{}])", kind, items[i].name, list, first->second));
    }
  }
  return seen;
}

}  // namespace

void check_snapshot(const Snapshot& snapshot, const SnapshotOrigin& origin,
                    const SqlFragmentCheck* fragments) {
  const Checker check(origin, fragments);
  std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> indexes;
  for (std::size_t i = 0; i < snapshot.tables.size(); ++i)
    check.table(snapshot.tables[i], i, indexes);
  const auto tables = unique_names(check, snapshot.tables, "tables", "table", SnapshotPart::table);
  for (std::size_t i = 0; i < snapshot.views.size(); ++i) {
    const View& view = snapshot.views[i];
    check.at(SnapshotPart::view, view.name);
    check.name([&] { return fmt::format("views[{}].name", i); }, view.name);
    check.text([&] { return fmt::format("views[{}].sql", i); }, view.sql);
    if (fragments != nullptr) {
      if (auto problem = fragments->view(view.sql, view.name); !problem.empty())
        check.fail(fmt::format("views[{}].sql", i),
                   fmt::format("view '{}': {}", view.name, problem));
    }
  }
  const auto views = unique_names(check, snapshot.views, "views", "view", SnapshotPart::view);
  for (std::size_t i = 0; i < snapshot.triggers.size(); ++i) {
    const Trigger& trigger = snapshot.triggers[i];
    check.at(SnapshotPart::trigger, trigger.name);
    check.name([&] { return fmt::format("triggers[{}].name", i); }, trigger.name);
    check.name([&] { return fmt::format("triggers[{}].table", i); }, trigger.table);
    check.text([&] { return fmt::format("triggers[{}].sql", i); }, trigger.sql);
    if (auto view = views.find(identifier_key(trigger.table)); view != views.end()) {
      check.fail(fmt::format("triggers[{}].table", i),
                 fmt::format("trigger '{}' is on view '{}': a snapshot holds triggers on tables "
                             "only (an INSTEAD OF trigger cannot be kept)",
                             trigger.name, trigger.table));
    }
    if (!tables.contains(identifier_key(trigger.table))) {
      check.fail(fmt::format("triggers[{}].table", i),
                 fmt::format("'{}' is not a table of the snapshot", trigger.table));
    }
    if (fragments != nullptr) {
      if (auto problem = fragments->trigger(trigger.sql, trigger.name, trigger.table);
          !problem.empty()) {
        check.fail(fmt::format("triggers[{}].sql", i),
                   fmt::format("trigger '{}': {}", trigger.name, problem));
      }
    }
  }
  (void)unique_names(check, snapshot.triggers, "triggers", "trigger", SnapshotPart::trigger);
  if (snapshot.head) check.text([] { return std::string("head"); }, *snapshot.head);

  // Tables, views and indexes share one namespace in SQLite's schema (triggers have their own).
  // Paths are formatted only for the error.
  auto clash = [&](const std::string& path, std::string_view kind, std::string_view name,
                   const std::string& other) {
    check.fail(
        path,
        fmt::format("{} '{}' has the name of {}; tables, views and indexes need names of their own",
                    kind, name, other));
  };
  for (std::size_t i = 0; i < snapshot.views.size(); ++i) {
    const auto& name = snapshot.views[i].name;
    check.at(SnapshotPart::view, name);
    if (auto t = tables.find(identifier_key(name)); t != tables.end()) {
      clash(fmt::format("views[{}].name", i), "view", name, fmt::format("tables[{}]", t->second));
    }
  }
  if (!views.empty()) {
    for (std::size_t t = 0; t < snapshot.tables.size(); ++t) {
      for (std::size_t i = 0; i < snapshot.tables[t].indexes.size(); ++i) {
        const auto& name = snapshot.tables[t].indexes[i].name;
        if (auto v = views.find(identifier_key(name)); v != views.end()) {
          check.at(SnapshotPart::index, name);
          clash(fmt::format("tables[{}].indexes[{}].name", t, i), "index", name,
                fmt::format("views[{}]", v->second));
        }
      }
    }
  }
  for (const auto& [key, place] : indexes) {
    if (auto t = tables.find(key); t != tables.end()) {
      // The first such index in snapshot order, so that the same one is named every run.
      std::pair<std::size_t, std::size_t> first = place;
      for (const auto& [other_key, other_place] : indexes) {
        if (tables.contains(other_key)) first = std::min(first, other_place);
      }
      const auto& name = snapshot.tables[first.first].indexes[first.second].name;
      check.at(SnapshotPart::index, name);
      clash(fmt::format("tables[{}].indexes[{}].name", first.first, first.second), "index", name,
            fmt::format("tables[{}]", tables.at(identifier_key(name))));
    }
  }
}

}  // namespace dbmigrate
