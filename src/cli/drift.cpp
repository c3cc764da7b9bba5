// Drift is compared name by name (names as SQLite compares them, ASCII case folded): what the
// database has beyond the snapshot, what it lacks, and what it holds under the same name but
// defines otherwise. The rest of a table's definition is told by the operations that would turn
// one into the other.
#include "cli/drift.hpp"

#include <fmt/format.h>

#include <map>
#include <variant>

#include "dbmigrate/diff.hpp"

namespace dbmigrate::cli {
namespace {

// Items of either side by name as the dialect compares names, in name order.
template <typename T>
std::map<std::string, std::pair<const T*, const T*>> pair_up(const std::vector<T>& expected,
                                                             const std::vector<T>& live,
                                                             IdentifierCase names) {
  std::map<std::string, std::pair<const T*, const T*>> pairs;
  for (const auto& item : expected) pairs[identifier_key(item.name, names)].first = &item;
  for (const auto& item : live) pairs[identifier_key(item.name, names)].second = &item;
  return pairs;
}

class Report {
 public:
  Report(std::string_view revision, IdentifierCase names) : revision_(revision), names_(names) {}

  // Each pair: has, lacks or differs, with the item's description.
  template <typename T, typename Describe, typename Same>
  void compare(const std::vector<T>& expected, const std::vector<T>& live, Describe&& describe,
               Same&& same) {
    for (const auto& [key, pair] : pair_up(expected, live, names_)) {
      const auto [want, have] = pair;
      if (want == nullptr) {
        add(fmt::format("the database has {}, which the snapshot at revision {} does not",
                        describe(*have), revision_));
      } else if (have == nullptr) {
        add(fmt::format("the database lacks {} of the snapshot at revision {}", describe(*want),
                        revision_));
      } else if (!same(*want, *have)) {
        add(fmt::format("{} differs from the snapshot at revision {}", describe(*have), revision_));
      }
    }
  }

  void add(std::string line) { lines_.push_back("drift: " + std::move(line)); }
  [[nodiscard]] const std::string& revision() const { return revision_; }
  [[nodiscard]] IdentifierCase names() const { return names_; }
  std::vector<std::string> take() { return std::move(lines_); }

 private:
  std::string revision_;
  IdentifierCase names_;
  std::vector<std::string> lines_;
};

// A table both sides have: its columns and indexes by name, then whatever else differs.
void compare_table(Report& report, const Table& want, const Table& have) {
  const auto& table = have.name;
  report.compare(
      want.columns, have.columns,
      [&](const Column& c) { return fmt::format("column '{}.{}'", table, c.name); },
      [](const Column&, const Column&) { return true; });  // told below, in the operation's words
  report.compare(
      want.indexes, have.indexes,
      [&](const Index& i) { return fmt::format("index '{}' on '{}'", i.name, table); },
      [](const Index& a, const Index& b) { return a == b; });
  Snapshot from, to;
  from.tables = {want};
  to.tables = {have};
  to.tables.front().name = want.name;  // paired by the dialect's rule: the same table
  for (auto& column : to.tables.front().columns) {  // and the same column
    for (const auto& wanted : want.columns) {
      if (same_identifier(column.name, wanted.name, report.names())) column.name = wanted.name;
    }
  }
  for (const auto& operation : diff(from, to, report.names())) {
    const auto& kind = operation.kind;
    if (std::holds_alternative<op::AddColumn>(kind) ||
        std::holds_alternative<op::DropColumn>(kind) ||
        std::holds_alternative<op::CreateIndex>(kind) ||
        std::holds_alternative<op::DropIndex>(kind)) {
      continue;
    }
    report.add(fmt::format("table '{}' differs from the snapshot at revision {}: {}", table,
                           report.revision(), operation.describe()));
  }
}

}  // namespace

std::vector<std::string> describe_drift(const Snapshot& expected, const Snapshot& live,
                                        std::string_view revision, IdentifierCase names) {
  Report report(revision, names);
  for (const auto& [key, pair] : pair_up(expected.tables, live.tables, names)) {
    const auto [want, have] = pair;
    if (want == nullptr) {
      report.add(
          fmt::format("the database has table '{}', which the snapshot at revision {} does not",
                      have->name, revision));
    } else if (have == nullptr) {
      report.add(fmt::format("the database lacks table '{}' of the snapshot at revision {}",
                             want->name, revision));
    } else {
      compare_table(report, *want, *have);
    }
  }
  report.compare(
      expected.views, live.views, [](const View& v) { return fmt::format("view '{}'", v.name); },
      [](const View& a, const View& b) { return a.sql == b.sql; });
  report.compare(
      expected.triggers, live.triggers,
      [](const Trigger& t) { return fmt::format("trigger '{}' on '{}'", t.name, t.table); },
      [&](const Trigger& a, const Trigger& b) {
        return a.sql == b.sql && same_identifier(a.table, b.table, names);
      });
  return report.take();
}

}  // namespace dbmigrate::cli
