// The drift check before a rebuild: names are compared by the session's dialect's rule
// (Session::identifier_case(): SQLite folds ASCII case); the session reads what the live table
// holds; only what the live table has beyond the revision's idea of it matters, since a rebuild
// fails by itself on anything it needs that is missing.
#include "runner/rebuild_drift.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "dbmigrate/error.hpp"
#include "dbmigrate/snapshot.hpp"

namespace dbmigrate::runner {
namespace {

// A name in a message: always double-quoted, so that names with spaces or commas read whole.
std::string in_quotes(std::string_view name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::set<std::string> folded(const std::vector<std::string>& names, IdentifierCase rule) {
  std::set<std::string> keys;
  for (const auto& name : names) keys.insert(identifier_key(name, rule));
  return keys;
}

// Whether the column holds a value in some row.
bool has_data(Session& session, std::string_view table, std::string_view column) {
  return !session
              .query(fmt::format("SELECT 1 FROM {} WHERE {} IS NOT NULL LIMIT 1",
                                 session.quote_identifier(table), session.quote_identifier(column)))
              .empty();
}

// The extras on one live table, each as a phrase; empty when the table is not there (the
// rebuild then fails on its own, naming it).
std::vector<std::string> extras(Session& session, const TableShape& shape) {
  const auto live = session.live_table(shape.table);
  std::vector<std::string> found;
  const IdentifierCase rule = session.identifier_case();
  const auto columns = folded(shape.columns, rule);
  for (const auto& column : live.columns) {
    if (columns.count(identifier_key(column, rule))) continue;
    const bool data = has_data(session, shape.table, column);
    found.push_back(fmt::format("column {}{}", in_quotes(column), data ? " (with data)" : ""));
  }
  const auto indexes = folded(shape.indexes, rule);
  for (const auto& index : live.indexes) {
    if (!indexes.count(identifier_key(index, rule))) found.push_back("index " + in_quotes(index));
  }
  const auto triggers = folded(shape.triggers, rule);
  for (const auto& trigger : live.triggers) {
    if (!triggers.count(identifier_key(trigger, rule)))
      found.push_back("trigger " + in_quotes(trigger));
  }
  return found;
}

}  // namespace

bool refuse_unknown_on_rebuild(Session& session, const Revision& revision, Direction direction,
                               bool drop_unknown) {
  std::vector<std::string> tables, found;  // the tables with extras; per table, its extras
  for (const auto& shape : rebuilt_tables(revision, direction_name(direction))) {
    if (auto extra = extras(session, shape); !extra.empty()) {
      tables.push_back(in_quotes(shape.table));
      found.push_back(fmt::format("{}", fmt::join(extra, ", ")));
    }
  }
  if (tables.empty() || drop_unknown) return !tables.empty();
  std::string what = found.front();
  if (tables.size() > 1) {
    what.clear();
    for (std::size_t i = 0; i < tables.size(); ++i) {
      what += fmt::format("{}on {}: {}", i == 0 ? "" : "; ", tables[i], found[i]);
    }
  }
  throw Error(ErrorKind::check,
              fmt::format("revision {}{} rebuilds {} {}, but the database has what the revision "
                          "does not know: {}; drop them by hand or run again with --drop-unknown "
                          "to let the rebuild drop them",
                          revision.id, direction == Direction::upgrade ? "" : "'s downgrade",
                          tables.size() == 1 ? "table" : "tables", fmt::join(tables, ", "), what));
}

}  // namespace dbmigrate::runner
