// Look-ups and the canonical order of a Snapshot.
#include "dbmigrate/snapshot.hpp"

#include <algorithm>
#include <cctype>
#include <tuple>

#include <fmt/format.h>

#include "dbmigrate/error.hpp"

namespace dbmigrate {
namespace {

template <typename Range, typename Name>
auto find_by_name(Range& range, Name name) -> decltype(&*range.begin()) {
  auto it =
      std::find_if(range.begin(), range.end(), [&](const auto& item) { return item.name == name; });
  return it == range.end() ? nullptr : &*it;
}

template <typename Range, typename Less>
void sort_unless_sorted(Range& range, Less less) {
  // Snapshots mostly arrive in canonical order already: checking is linear, sorting is not.
  if (!std::is_sorted(range.begin(), range.end(), less))
    std::stable_sort(range.begin(), range.end(), less);
}

template <typename Range>
void sort_by_name(Range& range) {
  sort_unless_sorted(range, [](const auto& a, const auto& b) { return a.name < b.name; });
}

}  // namespace

const Column* Table::find_column(std::string_view column) const {
  return find_by_name(columns, column);
}
Column* Table::find_column(std::string_view column) {
  return find_by_name(columns, column);
}

// Tables are kept in canonical order, so a look-up is a binary search.
template <typename Tables>
auto find_sorted(Tables& tables, std::string_view name) -> decltype(&*tables.begin()) {
  auto it = std::lower_bound(
      tables.begin(), tables.end(), name,
      [](const Table& table, std::string_view wanted) { return table.name.compare(wanted) < 0; });
  return it != tables.end() && it->name == name ? &*it : nullptr;
}

const Table* Snapshot::find_table(std::string_view table) const {
  return find_sorted(tables, table);
}
Table* Snapshot::find_table(std::string_view table) {
  return find_sorted(tables, table);
}

void Snapshot::normalize() {
  sort_by_name(tables);
  sort_by_name(views);
  sort_by_name(triggers);
  for (auto& table : tables) normalize_constraints(table);
}

// The canonical orders of a table's constraint lists.
constexpr auto unique_order = [](const UniqueConstraint& a, const UniqueConstraint& b) {
  return std::tie(a.columns, a.name, a.orders) < std::tie(b.columns, b.name, b.orders);
};
constexpr auto foreign_key_order = [](const ForeignKey& a, const ForeignKey& b) {
  return std::tie(a.columns, a.ref_table, a.ref_columns, a.name) <
         std::tie(b.columns, b.ref_table, b.ref_columns, b.name);
};
constexpr auto check_order = [](const CheckConstraint& a, const CheckConstraint& b) {
  return std::tie(a.name, a.expression) < std::tie(b.name, b.expression);
};
constexpr auto name_order = [](const auto& a, const auto& b) { return a.name < b.name; };

void normalize_constraints(Table& table) {
  // Constraints are sets: a database does not keep the order they were added in.
  sort_by_name(table.indexes);
  sort_unless_sorted(table.uniques, unique_order);
  sort_unless_sorted(table.foreign_keys, foreign_key_order);
  sort_unless_sorted(table.checks, check_order);
}

bool is_normalized(const Snapshot& s) {
  auto sorted = [](const auto& range, auto less) {
    return std::is_sorted(range.begin(), range.end(), less);
  };
  return sorted(s.tables, name_order) && sorted(s.views, name_order) &&
         sorted(s.triggers, name_order) &&
         std::all_of(s.tables.begin(), s.tables.end(), [&](const Table& t) {
           return sorted(t.indexes, name_order) && sorted(t.uniques, unique_order) &&
                  sorted(t.foreign_keys, foreign_key_order) && sorted(t.checks, check_order);
         });
}

bool equivalent(Snapshot a, Snapshot b) {
  for (auto* snapshot : {&a, &b}) {
    *snapshot = without_rename_hints(std::move(*snapshot));
    snapshot->head.reset();
    snapshot->normalize();
    for (auto& table : snapshot->tables) sort_by_name(table.columns);
  }
  // A declared type spelt another way that means the same to SQLite is the same schema.
  for (auto& table : b.tables) {
    const Table* other = a.find_table(table.name);
    if (other == nullptr) continue;
    for (auto& column : table.columns) {
      const Column* before = other->find_column(column.name);
      if (before != nullptr && same_column_meaning(*other, *before, table, column))
        column.sqlite.declared_type = before->sqlite.declared_type;
    }
  }
  return a == b;
}

Snapshot without_rename_hints(Snapshot snapshot) {
  for (auto& table : snapshot.tables) {
    table.renamed_from.reset();
    for (auto& column : table.columns) column.renamed_from.reset();
  }
  return snapshot;
}

namespace {

// ASCII only, as SQLite folds identifiers; no locale look-up per character.
char fold(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
}

}  // namespace

bool same_identifier(std::string_view a, std::string_view b, IdentifierCase rule) {
  if (rule == IdentifierCase::exact) return a == b;
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return x == y || fold(x) == fold(y);
         });
}

bool is_strict_type(std::string_view type) {
  static constexpr std::string_view types[] = {"integer", "real", "text", "blob", "any"};
  return std::any_of(std::begin(types), std::end(types),
                     [&](std::string_view t) { return same_identifier(type, t); });
}

bool is_strict_type(const Column& column) {
  if (column.sqlite.any) return column.type.empty();
  return is_strict_type(column.type) && !same_identifier(column.type, "any");
}

std::string type_text(const Column& column) {
  if (column.sqlite.any && column.type.empty()) return "any";
  return column.type;
}

std::string identifier_key(std::string_view name, IdentifierCase rule) {
  std::string key(name);
  if (rule == IdentifierCase::exact) return key;
  for (char& c : key) c = fold(c);
  return key;
}

std::string to_string(ConflictAction action) {
  switch (action) {
    case ConflictAction::rollback:
      return "ROLLBACK";
    case ConflictAction::fail:
      return "FAIL";
    case ConflictAction::ignore:
      return "IGNORE";
    case ConflictAction::replace:
      return "REPLACE";
  }
  return "ROLLBACK";
}

std::string on_conflict_clause(const std::optional<ConflictAction>& action) {
  return action ? " ON CONFLICT " + to_string(*action) : std::string();
}

std::optional<ConflictAction> conflict_action(std::string_view name) {
  for (auto action : {ConflictAction::rollback, ConflictAction::fail, ConflictAction::ignore,
                      ConflictAction::replace}) {
    if (same_identifier(name, to_string(action))) return action;
  }
  if (same_identifier(name, "ABORT")) return std::nullopt;
  throw Error(ErrorKind::input,
              fmt::format("unknown ON CONFLICT action '{}' (expected ROLLBACK, ABORT, FAIL, IGNORE "
                          "or REPLACE)",
                          name));
}

std::string to_string(ReferentialAction action) {
  switch (action) {
    case ReferentialAction::no_action:
      return "NO ACTION";
    case ReferentialAction::restrict:
      return "RESTRICT";
    case ReferentialAction::cascade:
      return "CASCADE";
    case ReferentialAction::set_null:
      return "SET NULL";
    case ReferentialAction::set_default:
      return "SET DEFAULT";
  }
  return "NO ACTION";
}

}  // namespace dbmigrate
