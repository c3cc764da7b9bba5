// The fidelity corpus, whatever the dialect: a case on disk (tests/corpus/README.md), its
// expectations, and the run of one case against a real database of the dialect.
#pragma once

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "dbmigrate/dialect.hpp"
#include "dbmigrate/diff.hpp"
#include "dbmigrate/error.hpp"
#include "dbmigrate/operations.hpp"
#include "dbmigrate/snapshot_json.hpp"

namespace dbmigrate::corpus {

namespace fs = std::filesystem;
using Row = std::vector<std::string>;  // each value as the database quotes it: NULL, 42, 'text'
using Rows = std::vector<Row>;         // sorted: a multiset of rows

inline const fs::path corpus_dir = fs::path(DBMIGRATE_TEST_DATA) / "corpus";

// Operation kinds as expect.txt names them, in the order of OperationKind's alternatives.
inline constexpr std::string_view operation_kinds[] = {
    "create_table",  "drop_table",      "rename_table",     "add_column",      "drop_column",
    "rename_column", "alter_column",    "alter_primary_key", "alter_table_options",
    "create_index",  "drop_index",      "add_unique",       "drop_unique",     "add_foreign_key",
    "drop_foreign_key", "add_check",    "drop_check",       "create_view",     "drop_view",
    "create_trigger", "drop_trigger",   "execute_sql"};
static_assert(std::size(operation_kinds) == std::variant_size_v<OperationKind>);

// ---- the case on disk ------------------------------------------------------------------

struct QueryExpectation {
  std::string step;  // "up" or "down"
  std::string sql;
  std::string expected;
  int line = 0;
};

struct Expectations {
  bool empty_diff = false;
  // `sqlite_only <why>`: the case needs what only SQLite has; other dialects skip it, saying why.
  std::string sqlite_only;
  std::set<std::string> lossy_tables;                            // names as in old.sql
  std::set<std::pair<std::string, std::string>> lossy_columns;  // (table, column) as in old.sql
  std::vector<std::string> has_ops, lacks_ops;                   // operation kinds
  std::set<std::string> in_place;                                // "up", "down": no table rebuilt
  std::vector<QueryExpectation> queries;
};

struct Case {
  std::string name;
  std::string old_sql, new_sql, data_sql;
  Expectations expect;
};

inline std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("cannot read {}", path.string()));
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline std::string trim(std::string_view text) {
  auto begin = text.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) return {};
  auto end = text.find_last_not_of(" \t\r");
  return std::string(text.substr(begin, end - begin + 1));
}

// One name of expect.txt: plain up to '.' or a blank, or double-quoted as in SQL.
inline std::string take_name(std::string_view& text) {
  std::string name;
  if (!text.empty() && text[0] == '"') {
    std::size_t i = 1;
    for (; i < text.size(); ++i) {
      if (text[i] != '"') {
        name += text[i];
      } else if (i + 1 < text.size() && text[i + 1] == '"') {
        name += '"';
        ++i;
      } else {
        break;
      }
    }
    text.remove_prefix(std::min(i + 1, text.size()));
    return name;
  }
  auto end = text.find_first_of(". \t");
  name = std::string(text.substr(0, end));
  text.remove_prefix(end == std::string_view::npos ? text.size() : end);
  return name;
}

// The dialects a case may carry files or expect.txt lines of its own for.
inline constexpr std::string_view dialect_names[] = {"sqlite", "postgresql"};

// `dialect` is the one the case runs on: a line `<dialect>: <expectation>` holds for that
// dialect only, and is skipped by the others.
inline Expectations parse_expectations(const std::string& text, const std::string& origin,
                                       std::string_view dialect) {
  Expectations expect;
  std::istringstream in(text);
  std::string raw;
  for (int line = 1; std::getline(in, raw); ++line) {
    std::string content = trim(raw);
    if (content.empty() || content[0] == '#') continue;
    if (auto colon = content.find(':');
        colon != std::string::npos && content.find(' ') == colon + 1) {
      const std::string prefix = content.substr(0, colon);
      if (std::find(std::begin(dialect_names), std::end(dialect_names), prefix) ==
          std::end(dialect_names)) {
        throw std::runtime_error(fmt::format("{}:{}: unknown dialect '{}'", origin, line, prefix));
      }
      if (prefix != dialect) continue;
      content = trim(content.substr(colon + 1));
    }
    auto space = content.find(' ');
    std::string keyword = content.substr(0, space);
    std::string rest = space == std::string::npos ? "" : trim(content.substr(space + 1));
    auto bad = [&] { return std::runtime_error(fmt::format("{}:{}: cannot read '{}'", origin, line, content)); };
    if (keyword == "empty_diff" && rest.empty()) {
      expect.empty_diff = true;
    } else if (keyword == "sqlite_only" && !rest.empty()) {
      expect.sqlite_only = rest;
    } else if (keyword == "lossy" && !rest.empty()) {
      std::string_view view = rest;
      std::string table = take_name(view);
      if (view.empty()) {
        expect.lossy_tables.insert(table);
      } else if (view[0] == '.') {
        view.remove_prefix(1);
        std::string column = take_name(view);
        if (!view.empty()) throw bad();
        expect.lossy_columns.insert({table, column});
      } else {
        throw bad();
      }
    } else if (keyword == "has_op" || keyword == "lacks_op") {
      if (std::find(std::begin(operation_kinds), std::end(operation_kinds), rest) == std::end(operation_kinds)) {
        throw std::runtime_error(fmt::format("{}:{}: unknown operation kind '{}'", origin, line, rest));
      }
      (keyword == "has_op" ? expect.has_ops : expect.lacks_ops).push_back(rest);
    } else if (keyword == "in_place" && (rest == "up" || rest == "down")) {
      expect.in_place.insert(rest);
    } else if (keyword == "query" && (rest.starts_with("up ") || rest.starts_with("down "))) {
      auto arrow = rest.rfind(" => ");
      if (arrow == std::string::npos) throw bad();
      auto step_end = rest.find(' ');
      expect.queries.push_back({.step = rest.substr(0, step_end),
                                .sql = trim(rest.substr(step_end, arrow - step_end)),
                                .expected = trim(rest.substr(arrow + 4)),
                                .line = line});
    } else {
      throw bad();
    }
  }
  return expect;
}

// The case `name` as `dialect` runs it: `<stem>.<dialect>.sql` (old, new, data) where the
// case has one, for a schema or data the dialect spells differently; `<stem>.sql` otherwise.
inline Case load_case(const std::string& name, std::string_view dialect) {
  const fs::path dir = corpus_dir / name;
  auto file = [&](std::string_view stem) {
    const fs::path own = dir / fmt::format("{}.{}.sql", stem, dialect);
    return read_text(fs::exists(own) ? own : dir / fmt::format("{}.sql", stem));
  };
  Case result{
      .name = name, .old_sql = file("old"), .new_sql = file("new"), .data_sql = file("data")};
  if (fs::exists(dir / "expect.txt")) {
    result.expect =
        parse_expectations(read_text(dir / "expect.txt"), (dir / "expect.txt").string(), dialect);
  }
  return result;
}

inline std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(corpus_dir)) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}


// ---- operations ------------------------------------------------------------------------

inline std::string kind_of(const Operation& operation) { return std::string(operation_kinds[operation.kind.index()]); }

inline std::string describe(const Operations& operations) {
  std::string out;
  for (const auto& operation : operations) out += fmt::format("  {}\n", operation.describe());
  return out.empty() ? "  (none)\n" : out;
}

inline std::string describe(const SqlScript& script) {
  std::string out = fmt::format("  -- needs_foreign_keys_off: {}\n", script.needs_foreign_keys_off);
  for (const auto& statement : script.statements) out += fmt::format("  {}\n", statement.sql);
  return out;
}

inline bool same_script(const SqlScript& a, const SqlScript& b) {
  if (a.needs_foreign_keys_off != b.needs_foreign_keys_off) return false;
  return std::equal(a.statements.begin(), a.statements.end(), b.statements.begin(),
                    b.statements.end(), [](const SqlStatement& x, const SqlStatement& y) {
                      return x.sql == y.sql && x.comments == y.comments;
                    });
}

// The same schema as the project defines it (equivalent(): rename hints, `head`, element
// order and column order aside), or a failure showing both as canonical JSON (gtest prints a
// line diff of the two).
inline void expect_same_schema(const Snapshot& actual, const Snapshot& expected, const std::string& what) {
  if (equivalent(actual, expected)) return;
  Snapshot actual_plain = without_rename_hints(actual);
  Snapshot expected_plain = without_rename_hints(expected);
  actual_plain.normalize();
  expected_plain.normalize();
  const std::string actual_json = to_json(actual_plain);
  const std::string expected_json = to_json(expected_plain);
  EXPECT_EQ(actual_json, expected_json) << what;
  if (actual_json == expected_json) ADD_FAILURE() << what << ": equivalent() is false, yet the JSON is equal";
}


inline std::string join(const Row& row, std::string_view separator) {
  std::string out;
  for (const auto& value : row) out += (out.empty() ? "" : std::string(separator)) + value;
  return out;
}


struct TableData {
  std::vector<std::string> columns;
  Rows rows;  // on `columns`, sorted
};

inline Rows project(const TableData& data, const std::vector<std::string>& columns) {
  std::vector<std::size_t> at;
  for (const auto& column : columns) {
    at.push_back(std::find(data.columns.begin(), data.columns.end(), column) - data.columns.begin());
  }
  Rows rows;
  for (const auto& row : data.rows) {
    Row projected;
    for (auto i : at) projected.push_back(row.at(i));
    rows.push_back(std::move(projected));
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

inline std::string rows_difference(const Rows& expected, const Rows& actual) {
  Rows missing, extra;
  std::set_difference(expected.begin(), expected.end(), actual.begin(), actual.end(), std::back_inserter(missing));
  std::set_difference(actual.begin(), actual.end(), expected.begin(), expected.end(), std::back_inserter(extra));
  std::string out = fmt::format("{} rows expected, {} found\n", expected.size(), actual.size());
  for (std::size_t i = 0; i < missing.size() && i < 10; ++i) out += fmt::format("  missing: ({})\n", join(missing[i], ", "));
  for (std::size_t i = 0; i < extra.size() && i < 10; ++i) out += fmt::format("  extra:   ({})\n", join(extra[i], ", "));
  return out;
}

// ---- following renames ----------------------------------------------------------------

// The item of `from` that `item` (of `to`) continues. A rename hint is followed when its old
// name is in `from` and either the new name is not, or the old name is gone from `to`, or
// another hint renames the new name away (a chain or a swap); otherwise the hint is stale
// and the item continues its namesake.
template <typename Item, typename Find>
inline const auto* source_of(const std::vector<Item>& to_items, const Item& item, Find find_in_from) {
  auto in_to = [&](const std::string& name) {
    return std::any_of(to_items.begin(), to_items.end(), [&](const Item& i) { return i.name == name; });
  };
  auto renamed_away = [&](const std::string& name) {
    return std::any_of(to_items.begin(), to_items.end(), [&](const Item& i) { return i.renamed_from == name; });
  };
  if (item.renamed_from && *item.renamed_from != item.name && find_in_from(*item.renamed_from) &&
      (!find_in_from(item.name) || !in_to(*item.renamed_from) || renamed_away(item.name))) {
    return find_in_from(*item.renamed_from);
  }
  // Not renamed: its namesake, unless a hint took that one elsewhere.
  return renamed_away(item.name) ? decltype(find_in_from(item.name))(nullptr) : find_in_from(item.name);
}

inline const Table* source_table(const Snapshot& from, const Snapshot& to, const Table& table) {
  return source_of(to.tables, table, [&](const std::string& name) { return from.find_table(name); });
}

inline const Column* source_column(const Table& from, const Table& to, const Column& column) {
  return source_of(to.columns, column, [&](const std::string& name) { return from.find_column(name); });
}

struct ColumnPair {
  std::string old_name, new_name;
  bool same_type = true;
};

inline std::vector<ColumnPair> surviving_columns(const Table& old_table, const Table& new_table) {
  std::vector<ColumnPair> pairs;
  for (const auto& column : new_table.columns) {
    if (const Column* source = source_column(old_table, new_table, column)) {
      pairs.push_back({source->name, column.name, source->type == column.type});
    }
  }
  return pairs;
}

// ---- the database ----------------------------------------------------------------------

// A real database of the dialect, holding one case.
class CaseDatabase {
 public:
  virtual ~CaseDatabase() = default;
  virtual void execute(const std::string& sql) = 0;
  // The rows of a query, each value as text, NULL as NULL.
  virtual Rows query(const std::string& sql) = 0;
  // All rows of `table` on `columns`, each value quoted as the database quotes it, sorted.
  virtual Rows table_rows(const std::string& table, const std::vector<std::string>& columns) = 0;
  virtual std::int64_t non_null_count(const std::string& table, const std::string& column) = 0;
  // Runs a script as the runner does; false (after a failure) when it failed.
  virtual bool run_script(const SqlScript& script, const std::string& what) = 0;
  // The database's own checks after a step (integrity, foreign keys).
  virtual void expect_sound(const std::string& what) = 0;
  virtual Snapshot inspect() = 0;
};

inline std::map<std::string, TableData> all_rows(CaseDatabase& db, const Snapshot& schema) {
  std::map<std::string, TableData> data;
  for (const auto& table : schema.tables) {
    TableData& entry = data[table.name];
    for (const auto& column : table.columns) entry.columns.push_back(column.name);
    entry.rows = db.table_rows(table.name, entry.columns);
  }
  return data;
}

inline void expect_queries(CaseDatabase& db, const Case& test_case, const std::string& step) {
  for (const auto& query : test_case.expect.queries) {
    if (query.step != step) continue;
    std::string actual;
    try {
      for (const auto& row : db.query(query.sql)) actual += (actual.empty() ? "" : ";") + join(row, "|");
    } catch (const std::exception& error) {
      actual = fmt::format("error: {}", error.what());
    }
    EXPECT_EQ(actual, query.expected) << step << ": expect.txt:" << query.line << ": " << query.sql;
  }
}

// Rows of `old_table` as data.sql left them, against `table` in the database now, on the
// columns that survived the migration; a type-changed column is compared by its non-null count.
inline void expect_rows_kept(CaseDatabase& db, const Case& test_case, const TableData& original,
                             const Table& old_table, const Table& new_table,
                             const std::string& table_now, bool use_new_names,
                             const std::string& what) {
  if (test_case.expect.lossy_tables.contains(old_table.name)) return;
  std::vector<std::string> old_columns, columns_now;
  for (const auto& pair : surviving_columns(old_table, new_table)) {
    if (test_case.expect.lossy_columns.contains({old_table.name, pair.old_name})) continue;
    const std::string& name_now = use_new_names ? pair.new_name : pair.old_name;
    if (pair.same_type) {
      old_columns.push_back(pair.old_name);
      columns_now.push_back(name_now);
      continue;
    }
    auto expected = std::count_if(original.rows.begin(), original.rows.end(), [&](const Row& row) {
      auto at = std::find(original.columns.begin(), original.columns.end(), pair.old_name) - original.columns.begin();
      return row.at(at) != "NULL";
    });
    EXPECT_EQ(db.non_null_count(table_now, name_now), expected)
        << what << ": non-null values of type-changed column " << table_now << "." << name_now;
  }
  Rows expected = project(original, old_columns);
  Rows actual = db.table_rows(table_now, columns_now);
  EXPECT_TRUE(expected == actual) << what << ": rows of " << table_now << " on (" << join(columns_now, ", ")
                                  << "): " << rows_difference(expected, actual);
}

// ---- one case --------------------------------------------------------------------------

// The pure stages on the snapshots `dialect` reads from old.sql and new.sql (diff, apply,
// invert, render determinism), then the upgrade and downgrade on `db` (fresh and empty),
// checking the schema and every row after each step. The scripts, for a failure's message.
inline void run_case(const Case& test_case, const Dialect& dialect, CaseDatabase& db,
                     SqlScript& up, SqlScript& down) {
  const std::string& name = test_case.name;
  const IdentifierCase rule = dialect.capabilities().identifier_case;

  Snapshot old_schema, new_schema;
  try {
    old_schema = dialect.read_schema_file(test_case.old_sql, name + "/old.sql");
    new_schema = dialect.read_schema_file(test_case.new_sql, name + "/new.sql");
  } catch (const std::exception& error) {
    FAIL() << name << ": reading the schema files: " << error.what();
  }
  const Snapshot old_plain = without_rename_hints(old_schema);
  const Snapshot new_plain = without_rename_hints(new_schema);

  Operations ops, inverse_ops;
  try {
    ops = diff(old_schema, new_schema, rule);
    inverse_ops = invert(ops);
  } catch (const std::exception& error) {
    FAIL() << name << ": diff/invert: " << error.what();
  }
  const std::string ops_text = fmt::format("operations:\n{}", describe(ops));
  if (equivalent(old_plain, new_plain) || test_case.expect.empty_diff) {
    EXPECT_TRUE(ops.empty()) << name << ": equal schemas must give no operation; " << ops_text;
  } else {
    EXPECT_FALSE(ops.empty()) << name << ": different schemas gave no operation";
  }
  std::set<std::string> kinds;
  for (const auto& operation : ops) kinds.insert(kind_of(operation));
  for (const auto& kind : test_case.expect.has_ops) EXPECT_TRUE(kinds.contains(kind)) << name << ": no " << kind << "; " << ops_text;
  for (const auto& kind : test_case.expect.lacks_ops) EXPECT_FALSE(kinds.contains(kind)) << name << ": unexpected " << kind << "; " << ops_text;

  try {
    Snapshot applied = old_plain;
    apply_operations(applied, ops);
    expect_same_schema(without_rename_hints(applied), new_plain, name + ": apply_operations(old, ops) != new; " + ops_text);
    Snapshot reverted = new_plain;
    apply_operations(reverted, inverse_ops);
    expect_same_schema(without_rename_hints(reverted), old_plain,
                       name + ": apply_operations(new, invert(ops)) != old; inverse " + fmt::format("operations:\n{}", describe(inverse_ops)));
  } catch (const std::exception& error) {
    ADD_FAILURE() << name << ": apply_operations: " << error.what() << "\n" << ops_text;
  }

  try {
    up = dialect.render(old_schema, ops);
    down = dialect.render(new_plain, inverse_ops);
    EXPECT_TRUE(same_script(up, dialect.render(old_schema, ops))) << name << ": upgrade SQL differs between two renders";
    EXPECT_TRUE(same_script(down, dialect.render(new_plain, inverse_ops))) << name << ": downgrade SQL differs between two renders";
  } catch (const std::exception& error) {
    FAIL() << name << ": render: " << error.what() << "\n" << ops_text;
  }
  if (ops.empty()) {
    EXPECT_TRUE(up.statements.empty()) << name << ": no operation, yet upgrade SQL:\n" << describe(up);
  }
  for (const auto& [direction, script] : {std::pair{"up", &up}, std::pair{"down", &down}}) {
    if (test_case.expect.in_place.contains(direction)) {
      EXPECT_TRUE(script->rebuilt.empty() && !script->needs_foreign_keys_off)
          << name << ": expect.txt says " << direction << " runs in place, yet it rebuilds:\n" << describe(*script);
    }
  }

  std::string step = "loading old.sql and data.sql";
  try {
    db.execute(test_case.old_sql);
    db.execute(test_case.data_sql);
    step = "setup: inspect";
    expect_same_schema(without_rename_hints(db.inspect()), old_plain,
                       name + ": setup: inspect(old.sql on the database) != the schema file read");
    const auto original = all_rows(db, old_plain);

    for (const bool upgrade : {true, false}) {
      const std::string what = name + (upgrade ? ": upgrade" : ": downgrade");
      const SqlScript& script = upgrade ? up : down;
      step = what;
      if (!db.run_script(script, what)) break;
      step = what + ": inspect";
      expect_same_schema(without_rename_hints(db.inspect()), upgrade ? new_plain : old_plain,
                         fmt::format("{}: inspect(database) != {}\nSQL:\n{}", what,
                                     upgrade ? "new.sql" : "old.sql", describe(script)));
      db.expect_sound(what);
      for (const auto& table : new_schema.tables) {
        const Table* source = source_table(old_plain, new_schema, table);
        if (source == nullptr) continue;
        step = fmt::format("{}: rows of {}", what, upgrade ? table.name : source->name);
        expect_rows_kept(db, test_case, original.at(source->name), *source, table,
                         upgrade ? table.name : source->name, upgrade, what);
      }
      step = what + ": expect.txt queries";
      expect_queries(db, test_case, upgrade ? "up" : "down");
    }
  } catch (const std::exception& error) {
    ADD_FAILURE() << name << ": " << step << ": " << error.what();
  }
}

inline std::string test_name(const testing::TestParamInfo<std::string>& info) {
  std::string out = info.param;
  for (char& c : out) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return out;
}

}  // namespace dbmigrate::corpus
