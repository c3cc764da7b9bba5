// Benchmarks of the autogenerate core, each beside its floor, printed as a table.
//   bash bench/run.sh            (all)
//   bash bench/run.sh --quick    (smaller rebuild table)
#include <fmt/format.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "dbmigrate/diff.hpp"
#include "dbmigrate/snapshot_json.hpp"
#include "dbmigrate/sqlite.hpp"
#include "dialect/sqlite/connection.hpp"

namespace fs = std::filesystem;
using namespace dbmigrate;

namespace {

using Clock = std::chrono::steady_clock;

template <typename Work>
double best_ms(int runs, Work work) {
  double best = 1e300;
  for (int i = 0; i < runs; ++i) {
    auto start = Clock::now();
    work();
    best = std::min(best, std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  return best;
}

// `tables` tables of 10 columns, an index each, a foreign key to the previous table.
Snapshot wide_schema(int tables) {
  Snapshot s;
  for (int t = 0; t < tables; ++t) {
    Table table{.name = fmt::format("table_{:05}", t)};
    table.columns.push_back({.name = "id", .type = "integer", .nullable = false});
    for (int c = 1; c < 10; ++c) {
      table.columns.push_back({.name = fmt::format("column_{}", c), .type = c % 3 ? "text" : "bigint",
                               .default_sql = c % 4 ? std::nullopt : std::optional<std::string>("0")});
    }
    table.primary_key = {"id"};
    table.indexes = {{.name = fmt::format("ix_{:05}_c1", t), .keys = {{.name = "column_1"}}}};
    if (t > 0) {
      table.columns.push_back({.name = "parent_id", .type = "integer"});
      table.foreign_keys = {{.columns = {"parent_id"}, .ref_table = fmt::format("table_{:05}", t - 1),
                             .ref_columns = {"id"}, .on_delete = ReferentialAction::cascade}};
    }
    s.tables.push_back(std::move(table));
  }
  s.normalize();
  return s;
}

// 5% of the tables changed: a column added, a type changed, an index added.
Snapshot changed(Snapshot s) {
  for (std::size_t t = 0; t < s.tables.size(); t += 20) {
    auto& table = s.tables[t];
    table.columns.push_back({.name = "added", .type = "text"});
    table.columns[2].type = "varchar(80)";
    table.indexes.push_back({.name = table.name + "_ix_added", .keys = {{.name = "added"}}});
    normalize_constraints(table);
  }
  return s;
}

struct Row {
  std::string what;
  double ours_ms;
  std::string floor;
  double floor_ms;
  std::string goal;
};

double diff_pipeline_ms(int tables, int runs = 9) {
  const std::string a = to_json(wide_schema(tables));
  const std::string b = to_json(changed(wide_schema(tables)));
  std::size_t statements = 0;
  double ms = best_ms(runs, [&] {
    Snapshot from = snapshot_from_json(a);
    Snapshot to = snapshot_from_json(b);
    auto script = SqliteDialect().render(from, diff(from, to));
    statements = script.statements.size();
  });
  if (statements == 0) std::abort();
  return ms;
}

double chain_ms() {
  Snapshot empty, chain = wide_schema(2000);
  std::size_t statements = 0;
  double ms = best_ms(3, [&] {
    auto up = SqliteDialect().render(empty, diff(empty, chain));
    auto down = SqliteDialect().render(chain, diff(chain, empty));
    statements = up.statements.size() + down.statements.size();
  });
  if (statements == 0) std::abort();
  return ms;
}

void run_shell(const fs::path& db, const std::string& sql) {
  fs::path script = db.string() + ".sql";
  std::ofstream(script) << sql;
  std::string command = fmt::format("sqlite3 '{}' < '{}'", db.string(), script.string());
  if (std::system(command.c_str()) != 0) {
    fmt::print(stderr, "sqlite3 shell failed: {}\n", command);
    std::exit(1);
  }
}

std::pair<double, double> rebuild_ms(const fs::path& dir, int rows) {
  Snapshot from;
  Table t{.name = "items"};
  t.columns = {{.name = "id", .type = "integer", .nullable = false},
               {.name = "name", .type = "text", .nullable = false},
               {.name = "price", .type = "integer"},
               {.name = "note", .type = "text"}};
  t.primary_key = {"id"};
  t.indexes = {{.name = "ix_items_name", .keys = {{.name = "name"}}}};
  from.tables = {t};
  Snapshot to = from;
  to.tables[0].columns[2].type = "real";

  const fs::path seed = dir / "seed.db";
  {
    sqlite::Connection db(seed.string());
    db.execute(SqliteDialect().render({}, diff({}, from)).statements[0].sql);
    db.execute(SqliteDialect().render({}, diff({}, from)).statements[1].sql);
    db.execute(fmt::format(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {}) "
        "INSERT INTO items SELECT i, 'item ' || i, i % 1000, CASE WHEN i % 7 = 0 THEN NULL ELSE 'note' END FROM n;",
        rows));
  }
  auto script = SqliteDialect().render(from, diff(from, to));
  std::string ours_sql;
  for (const auto& statement : script.statements) ours_sql += statement.sql + "\n";
  const std::string by_hand =
      "PRAGMA foreign_keys=OFF;\nBEGIN;\n"
      "CREATE TABLE new_items (id INTEGER NOT NULL, name TEXT NOT NULL, price REAL, note TEXT, PRIMARY KEY (id));\n"
      "INSERT INTO new_items (id, name, price, note) SELECT id, name, price, note FROM items;\n"
      "DROP TABLE items;\nALTER TABLE new_items RENAME TO items;\n"
      "CREATE INDEX ix_items_name ON items (name);\nPRAGMA foreign_key_check;\nCOMMIT;\n";

  double ours = 1e300, shell = 1e300;
  for (int run = 0; run < 3; ++run) {
    fs::copy_file(seed, dir / "ours.db", fs::copy_options::overwrite_existing);
    fs::copy_file(seed, dir / "shell.db", fs::copy_options::overwrite_existing);
    shell = std::min(shell, best_ms(1, [&] { run_shell(dir / "shell.db", by_hand); }));
    ours = std::min(ours, best_ms(1, [&] {
      sqlite::Connection db((dir / "ours.db").string());
      db.execute("PRAGMA foreign_keys=OFF");
      sqlite::Transaction transaction(db);
      db.execute(ours_sql);
      if (db.query_text("PRAGMA foreign_key_check")) std::abort();
      transaction.commit();
    }));
  }
  return {ours, shell};
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  const bool quick = mode == "--quick";
  if (mode == "--profile-chain") {  // one pass, for a profiler
    std::printf("%.1f ms\n", chain_ms());
    return 0;
  }
  if (mode == "--profile-diff") {  // one pass, for a profiler
    std::printf("%.1f ms\n", diff_pipeline_ms(argc > 2 ? std::atoi(argv[2]) : 2000, 1));
    return 0;
  }
  const fs::path dir = fs::temp_directory_path() / fmt::format("dbmigrate-bench-{}", ::getpid());
  fs::create_directories(dir);

  std::vector<Row> rows;
  const double small = diff_pipeline_ms(2000);
  const double large = diff_pipeline_ms(8000);
  rows.push_back({"load 2 snapshots + diff + render, 2,000 tables (5% changed)", small, "-", 0, "< 100 ms"});
  rows.push_back({"same, 8,000 tables", large, "2,000 tables x 4", small * 4, "<= 5x the 2,000 figure"});
  rows.push_back({"diff + render both ways, 2,000-table foreign-key chain", chain_ms(), "-", 0, "no depth limit"});
  const int rebuild_rows = quick ? 100000 : 1000000;
  auto [ours, shell] = rebuild_ms(dir, rebuild_rows);
  rows.push_back({fmt::format("rebuild {} rows for a type change", rebuild_rows), ours, "sqlite3 shell, same rebuild by hand",
                  shell, "<= 1.3x the shell"});
  fs::remove_all(dir);

  fmt::print("{:<62} {:>11} {:>11} {:>7}  {}\n", "benchmark", "dbmigrate", "floor", "ratio", "goal");
  for (const auto& row : rows) {
    fmt::print("{:<62} {:>8.1f} ms {:>8} {:>7}  {}{}\n", row.what, row.ours_ms,
               row.floor_ms > 0 ? fmt::format("{:.1f} ms", row.floor_ms) : std::string("-"),
               row.floor_ms > 0 ? fmt::format("{:.2f}x", row.ours_ms / row.floor_ms) : std::string(""), row.goal,
               row.floor_ms > 0 ? fmt::format("  (floor: {})", row.floor) : std::string());
  }
  fmt::print("8,000 / 2,000 tables: {:.2f}x the time for 4x the tables\n", large / small);
  return 0;
}
