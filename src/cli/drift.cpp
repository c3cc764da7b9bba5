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

// Items of either side by folded name, in name order.
template <typename T>
std::map<std::string, std::pair<const T*, const T*>> pair_up(const std::vector<T>& expected,
                                                             const std::vector<T>& live) {
  std::map<std::string, std::pair<const T*, const T*>> pairs;
  for (const auto& item : expected) pairs[identifier_key(item.name)].first = &item;
  for (const auto& item : live) pairs[identifier_key(item.name)].second = &item;
  return pairs;
}

class Report {
 public:
  explicit Report(std::string_view revision) : revision_(revision) {}

  // Each pair: has, lacks or differs, with the item's description.
  template <typename T, typename Describe, typename Same>
  void compare(const std::vector<T>& expected, const std::vector<T>& live, Describe&& describe,
               Same&& same) {
    for (const auto& [key, pair] : pair_up(expected, live)) {
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
  std::vector<std::string> take() { return std::move(lines_); }

 private:
  std::string revision_;
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
  to.tables.front().name = want.name;  // a case-only difference is the same table to SQLite
  for (const auto& operation : diff(from, to)) {
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
                                        std::string_view revision) {
  Report report(revision);
  for (const auto& [key, pair] : pair_up(expected.tables, live.tables)) {
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
      [](const Trigger& a, const Trigger& b) {
        return a.sql == b.sql && same_identifier(a.table, b.table);
      });
  return report.take();
}

}  // namespace dbmigrate::cli
