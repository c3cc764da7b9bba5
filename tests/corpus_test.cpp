// The fidelity corpus: one parameterised test over the folders of tests/corpus.
//
// Each folder holds old.sql, new.sql, data.sql and an optional expect.txt
// (tests/corpus/README.md). A case proves the pure stages on snapshots (diff, apply, invert,
// render determinism), then writes the revision `migrate` would write, reads it back with the
// revision parser and has the runner upgrade and downgrade a real SQLite file holding data.sql
// with it, checking the schema (inspect) and every row after each step.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/script_text.hpp"
#include "dbmigrate/diff.hpp"
#include "dbmigrate/error.hpp"
#include "dbmigrate/operations.hpp"
#include "dbmigrate/revision.hpp"
#include "dbmigrate/runner.hpp"
#include "dbmigrate/snapshot_json.hpp"
#include "dbmigrate/sqlite.hpp"
#include "dbmigrate/sqlite_session.hpp"
#include "dialect/sqlite/connection.hpp"
#include "dialect/sqlite/inspect.hpp"

namespace dbmigrate {
namespace {

namespace fs = std::filesystem;
using Row = std::vector<std::string>;  // quote() of each value: NULL, 42, 'text', X'00'
using Rows = std::vector<Row>;         // sorted: a multiset of rows

const fs::path corpus_dir = fs::path(DBMIGRATE_TEST_DATA) / "corpus";

// Operation kinds as expect.txt names them, in the order of OperationKind's alternatives.
constexpr std::string_view operation_kinds[] = {
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

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("cannot read {}", path.string()));
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string trim(std::string_view text) {
  auto begin = text.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) return {};
  auto end = text.find_last_not_of(" \t\r");
  return std::string(text.substr(begin, end - begin + 1));
}

// One name of expect.txt: plain up to '.' or a blank, or double-quoted as in SQL.
std::string take_name(std::string_view& text) {
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

Expectations parse_expectations(const std::string& text, const std::string& origin) {
  Expectations expect;
  std::istringstream in(text);
  std::string raw;
  for (int line = 1; std::getline(in, raw); ++line) {
    std::string content = trim(raw);
    if (content.empty() || content[0] == '#') continue;
    auto space = content.find(' ');
    std::string keyword = content.substr(0, space);
    std::string rest = space == std::string::npos ? "" : trim(content.substr(space + 1));
    auto bad = [&] { return std::runtime_error(fmt::format("{}:{}: cannot read '{}'", origin, line, content)); };
    if (keyword == "empty_diff" && rest.empty()) {
      expect.empty_diff = true;
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

Case load_case(const std::string& name) {
  const fs::path dir = corpus_dir / name;
  Case result{.name = name,
              .old_sql = read_text(dir / "old.sql"),
              .new_sql = read_text(dir / "new.sql"),
              .data_sql = read_text(dir / "data.sql")};
  if (fs::exists(dir / "expect.txt")) {
    result.expect = parse_expectations(read_text(dir / "expect.txt"), (dir / "expect.txt").string());
  }
  return result;
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(corpus_dir)) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// ---- operations ------------------------------------------------------------------------

std::string kind_of(const Operation& operation) { return std::string(operation_kinds[operation.kind.index()]); }

std::string describe(const Operations& operations) {
  std::string out;
  for (const auto& operation : operations) out += fmt::format("  {}\n", operation.describe());
  return out.empty() ? "  (none)\n" : out;
}

std::string describe(const SqlScript& script) {
  std::string out = fmt::format("  -- needs_foreign_keys_off: {}\n", script.needs_foreign_keys_off);
  for (const auto& statement : script.statements) out += fmt::format("  {}\n", statement.sql);
  return out;
}

bool same_script(const SqlScript& a, const SqlScript& b) {
  if (a.needs_foreign_keys_off != b.needs_foreign_keys_off) return false;
  return std::equal(a.statements.begin(), a.statements.end(), b.statements.begin(),
                    b.statements.end(), [](const SqlStatement& x, const SqlStatement& y) {
                      return x.sql == y.sql && x.comments == y.comments;
                    });
}

// The same schema as the project defines it (equivalent(): rename hints, `head`, element
// order and column order aside), or a failure showing both as canonical JSON (gtest prints a
// line diff of the two).
void expect_same_schema(const Snapshot& actual, const Snapshot& expected, const std::string& what) {
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

// ---- the database ----------------------------------------------------------------------

std::string quote(std::string_view name) { return SqliteDialect().quote_identifier(name); }

Rows query_rows(sqlite::Connection& db, const std::string& sql) {
  auto statement = db.prepare(sql);
  Rows rows;
  while (statement.step()) {
    Row row;
    for (int i = 0; i < statement.column_count(); ++i) {
      row.push_back(statement.is_null(i) ? "NULL" : statement.text(i));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string join(const Row& row, std::string_view separator) {
  std::string out;
  for (const auto& value : row) out += (out.empty() ? "" : std::string(separator)) + value;
  return out;
}

// All rows of `table` on `columns`, each value as quote() gives it, sorted.
Rows table_rows(sqlite::Connection& db, const std::string& table, const std::vector<std::string>& columns) {
  std::string select;
  for (const auto& column : columns) select += fmt::format("{}quote({})", select.empty() ? "" : ", ", quote(column));
  if (select.empty()) select = "1";
  Rows rows = query_rows(db, fmt::format("SELECT {} FROM {}", select, quote(table)));
  std::sort(rows.begin(), rows.end());
  return rows;
}

std::int64_t non_null_count(sqlite::Connection& db, const std::string& table, const std::string& column) {
  return db.query_int(fmt::format("SELECT count({}) FROM {}", quote(column), quote(table)));
}

struct TableData {
  std::vector<std::string> columns;
  Rows rows;  // on `columns`, sorted
};

std::map<std::string, TableData> all_rows(sqlite::Connection& db, const Snapshot& schema) {
  std::map<std::string, TableData> data;
  for (const auto& table : schema.tables) {
    TableData& entry = data[table.name];
    for (const auto& column : table.columns) entry.columns.push_back(column.name);
    entry.rows = table_rows(db, table.name, entry.columns);
  }
  return data;
}

Rows project(const TableData& data, const std::vector<std::string>& columns) {
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

std::string rows_difference(const Rows& expected, const Rows& actual) {
  Rows missing, extra;
  std::set_difference(expected.begin(), expected.end(), actual.begin(), actual.end(), std::back_inserter(missing));
  std::set_difference(actual.begin(), actual.end(), expected.begin(), expected.end(), std::back_inserter(extra));
  std::string out = fmt::format("{} rows expected, {} found\n", expected.size(), actual.size());
  for (std::size_t i = 0; i < missing.size() && i < 10; ++i) out += fmt::format("  missing: ({})\n", join(missing[i], ", "));
  for (std::size_t i = 0; i < extra.size() && i < 10; ++i) out += fmt::format("  extra:   ({})\n", join(extra[i], ", "));
  return out;
}

std::string foreign_key_violations(sqlite::Connection& db) {
  std::string out;
  for (const auto& row : query_rows(db, "PRAGMA foreign_key_check")) out += fmt::format("  ({})\n", join(row, ", "));
  return out;
}

// The revision `migrate` writes for these scripts, as a file in `versions`, and the graph the
// runner reads from that folder (through the revision parser).
RevisionGraph write_revision(const fs::path& versions, const std::string& name, const SqlScript& up,
                             const SqlScript& down) {
  Revision revision{.id = "c0c0a0000001", .create_date = "2026-12-07 10:00:00+00:00", .message = name};
  cli::set_generated_sections(revision, SqliteDialect(), up, down);
  fs::create_directories(versions);
  std::ofstream(versions / revision_filename(revision.id, revision.message), std::ios::binary)
      << format_revision(revision);
  return RevisionGraph(load_revisions(versions));
}

class SilentReporter : public Reporter {
 public:
  void running(const Revision&, std::string_view) override {}
  void backup_written(const std::filesystem::path&) override {}
  void progress(const Revision&, std::string_view, std::chrono::seconds) override {}
};

// Runs the revision up to its head or down to base through the runner, as `dbmigrate upgrade` and
// `downgrade base` do. Returns false (after a failure) when it failed.
bool run_revision(const std::string& database, const RevisionGraph& graph, bool upgrade,
                  const SqlScript& script, const std::string& what) {
  SilentReporter reporter;
  try {
    Runner runner = open_sqlite_runner(database);
    if (upgrade) {
      (void)runner.upgrade(graph, "head", reporter);
    } else {
      (void)runner.downgrade(graph, "base", reporter);
    }
  } catch (const std::exception& error) {
    ADD_FAILURE() << what << ": " << error.what() << "\nscript:\n" << describe(script);
    return false;
  }
  return true;
}

void expect_database_sound(sqlite::Connection& db, const std::string& what) {
  EXPECT_EQ(db.query_text("PRAGMA integrity_check").value_or(""), "ok") << what << ": PRAGMA integrity_check";
  EXPECT_EQ(foreign_key_violations(db), "") << what << ": PRAGMA foreign_key_check (table, rowid, parent, fkid)";
}

void expect_queries(sqlite::Connection& db, const Case& test_case, const std::string& step) {
  for (const auto& query : test_case.expect.queries) {
    if (query.step != step) continue;
    std::string actual;
    try {
      for (const auto& row : query_rows(db, query.sql)) actual += (actual.empty() ? "" : ";") + join(row, "|");
    } catch (const std::exception& error) {
      actual = fmt::format("error: {}", error.what());
    }
    EXPECT_EQ(actual, query.expected) << step << ": expect.txt:" << query.line << ": " << query.sql;
  }
}

// ---- following renames ----------------------------------------------------------------

// The item of `from` that `item` (of `to`) continues. A rename hint is followed when its old
// name is in `from` and either the new name is not, or the old name is gone from `to`, or
// another hint renames the new name away (a chain or a swap); otherwise the hint is stale
// and the item continues its namesake.
template <typename Item, typename Find>
const auto* source_of(const std::vector<Item>& to_items, const Item& item, Find find_in_from) {
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

const Table* source_table(const Snapshot& from, const Snapshot& to, const Table& table) {
  return source_of(to.tables, table, [&](const std::string& name) { return from.find_table(name); });
}

const Column* source_column(const Table& from, const Table& to, const Column& column) {
  return source_of(to.columns, column, [&](const std::string& name) { return from.find_column(name); });
}

struct ColumnPair {
  std::string old_name, new_name;
  bool same_type = true;
};

std::vector<ColumnPair> surviving_columns(const Table& old_table, const Table& new_table) {
  std::vector<ColumnPair> pairs;
  for (const auto& column : new_table.columns) {
    if (const Column* source = source_column(old_table, new_table, column)) {
      pairs.push_back({source->name, column.name, source->type == column.type});
    }
  }
  return pairs;
}

// Rows of `old_table` as data.sql left them, against `table` in the database now, on the
// columns that survived the migration; a type-changed column is compared by its non-null count.
void expect_rows_kept(sqlite::Connection& db, const Case& test_case, const TableData& original,
                      const Table& old_table, const Table& new_table, const std::string& table_now,
                      bool use_new_names, const std::string& what) {
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
    EXPECT_EQ(non_null_count(db, table_now, name_now), expected)
        << what << ": non-null values of type-changed column " << table_now << "." << name_now;
  }
  Rows expected = project(original, old_columns);
  Rows actual = table_rows(db, table_now, columns_now);
  EXPECT_TRUE(expected == actual) << what << ": rows of " << table_now << " on (" << join(columns_now, ", ")
                                  << "): " << rows_difference(expected, actual);
}

// ---- the test -------------------------------------------------------------------------

class Corpus : public testing::TestWithParam<std::string> {};

TEST_P(Corpus, UpgradeAndDowngradeKeepSchemaAndRows) {
  const Case test_case = load_case(GetParam());
  const std::string& name = test_case.name;
  SCOPED_TRACE("corpus case " + name);

  // Pure stages: snapshots, diff, apply, invert, render.
  Snapshot old_schema, new_schema;
  try {
    old_schema = snapshot_from_sql(test_case.old_sql, name + "/old.sql");
    new_schema = snapshot_from_sql(test_case.new_sql, name + "/new.sql");
  } catch (const std::exception& error) {
    FAIL() << name << ": snapshot_from_sql: " << error.what();
  }
  const Snapshot old_plain = without_rename_hints(old_schema);
  const Snapshot new_plain = without_rename_hints(new_schema);

  Operations ops, inverse_ops;
  try {
    ops = diff(old_schema, new_schema);
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

  SqlScript up, down;
  try {
    const SqliteDialect dialect;
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

  // A real database file: old schema, data, upgrade, downgrade.
  const fs::path dir = fs::temp_directory_path() / fmt::format("dbmigrate-corpus-{}-{}", name, ::getpid());
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = (dir / "corpus.db").string();
  std::string step = "loading old.sql and data.sql";
  try {
    const RevisionGraph graph = write_revision(dir / "versions", name, up, down);
    std::map<std::string, TableData> original;
    {
      sqlite::Connection db(path);
      db.execute("PRAGMA foreign_keys=ON");
      db.execute(test_case.old_sql);
      db.execute(test_case.data_sql);
      step = "setup: inspect";
      expect_same_schema(without_rename_hints(sqlite::inspect(db)), old_plain,
                         name + ": setup: inspect(old.sql on a file) != snapshot_from_sql(old.sql)");
      original = all_rows(db, old_plain);
    }
    for (const bool upgrade : {true, false}) {
      const std::string what = name + (upgrade ? ": upgrade" : ": downgrade");
      const SqlScript& script = upgrade ? up : down;
      if (test_case.expect.in_place.contains(upgrade ? "up" : "down")) {
        EXPECT_TRUE(script.rebuilt.empty() && !script.needs_foreign_keys_off)
            << what << ": expect.txt says in place, yet it rebuilds:\n" << describe(script);
      }
      step = what;
      if (!run_revision(path, graph, upgrade, script, what)) break;
      sqlite::Connection db(path);
      step = what + ": inspect";
      expect_same_schema(without_rename_hints(sqlite::inspect(db)), upgrade ? new_plain : old_plain,
                         fmt::format("{}: inspect(database) != {}\nSQL:\n{}", what,
                                     upgrade ? "new.sql" : "old.sql", describe(script)));
      expect_database_sound(db, what);
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
  if (HasFailure()) {
    std::cerr << "[corpus] " << name << ": database kept at " << path << "\n"
              << "[corpus] upgrade SQL:\n" << describe(up) << "[corpus] downgrade SQL:\n" << describe(down);
  } else {
    fs::remove_all(dir);
  }
}

std::string test_name(const testing::TestParamInfo<std::string>& info) {
  std::string out = info.param;
  for (char& c : out) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return out;
}

INSTANTIATE_TEST_SUITE_P(Cases, Corpus, testing::ValuesIn(case_names()), test_name);

}  // namespace
}  // namespace dbmigrate
