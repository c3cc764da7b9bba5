// Walks the example catalogue's schema versions through the core pipeline on a real
// SQLite file: each step diffs the next schema against the last, prints what it detected
// and the SQL it generated, applies it, and shows the tables; then it goes back down.
//   dbmigrate_walkthrough <schema dir> <database file>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "dbmigrate/diff.hpp"
#include "dbmigrate/error.hpp"
#include "dbmigrate/sqlite.hpp"
#include "dialect/sqlite/connection.hpp"

namespace fs = std::filesystem;
using namespace dbmigrate;

namespace {

std::string read(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// As the runner does it: foreign keys off around a rebuild, checked before commit.
void run(sqlite::Connection& db, const SqlScript& script) {
  if (script.needs_foreign_keys_off) db.execute("PRAGMA foreign_keys=OFF");
  sqlite::Transaction transaction(db);
  for (const auto& statement : script.statements) db.execute(statement.sql);
  if (auto row = db.query_text("PRAGMA foreign_key_check")) {
    throw Error(ErrorKind::check, fmt::format("foreign key check failed on table '{}'", *row));
  }
  transaction.commit();
  db.execute("PRAGMA foreign_keys=ON");
}

void print_script(const SqlScript& script) {
  for (const auto& statement : script.statements) {
    if (!statement.comment.empty()) fmt::print("{}\n", statement.comment);
    fmt::print("{}\n", statement.sql);
  }
}

void show_tables(sqlite::Connection& db) {
  Snapshot now = inspect_sqlite(db.handle());
  for (const auto& table : now.tables) {
    std::vector<std::string> columns;
    for (const auto& column : table.columns) columns.push_back(column.name + " " + column.type);
    fmt::print("    {} ({}) - {} rows\n", table.name, fmt::join(columns, ", "),
               db.query_int(fmt::format("SELECT count(*) FROM {}", SqliteDialect().quote_identifier(table.name))));
  }
  for (const auto& view : now.views) fmt::print("    view {}\n", view.name);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    fmt::print(stderr, "usage: dbmigrate_walkthrough <schema dir> <database file>\n");
    return 2;
  }
  try {
    std::vector<fs::path> versions;
    for (const auto& entry : fs::directory_iterator(argv[1])) {
      if (entry.path().extension() == ".sql") versions.push_back(entry.path());
    }
    std::sort(versions.begin(), versions.end());
    fs::remove(argv[2]);
    sqlite::Connection db(argv[2]);
    db.execute("PRAGMA foreign_keys=ON");
    const SqliteDialect sqlite;

    std::vector<Snapshot> snapshots{Snapshot{}};
    std::vector<Operations> steps;
    for (const auto& path : versions) {
      Snapshot model = snapshot_from_sql(read(path), path.string());
      Operations ops = diff(snapshots.back(), model);
      fmt::print("\n== migrate: {} against the previous schema\n", path.filename().string());
      for (const auto& op : ops) fmt::print("  Detected {}\n", op.describe());
      SqlScript up = sqlite.render(snapshots.back(), ops);
      print_script(up);
      fmt::print("== upgrade: the tables now\n");
      run(db, up);
      if (path == versions.front()) {
        db.execute("INSERT INTO books (title, author, published) VALUES ('Dune', 'Frank Herbert', 1965), "
                   "('Emma', 'Jane Austen', 1815);"
                   "INSERT INTO members (id, name, email) VALUES (1, 'Ada', 'ada@example.org');");
        fmt::print("  (added 2 books and 1 member)\n");
      }
      show_tables(db);
      snapshots.push_back(without_rename_hints(std::move(model)));
      steps.push_back(std::move(ops));
    }
    for (std::size_t i = snapshots.size() - 1; i > 0; --i) {
      fmt::print("\n== downgrade from {}\n", versions[i - 1].filename().string());
      // Downgrade is generated, not guessed: each operation of the upgrade inverted.
      SqlScript down = sqlite.render(snapshots[i], invert(steps[i - 1]));
      print_script(down);
      run(db, down);
      fmt::print("== the tables now\n");
      show_tables(db);
      if (i == 1) break;
    }
    fmt::print("\nintegrity_check: {}\n", db.query_text("PRAGMA integrity_check").value_or("?"));
    return 0;
  } catch (const Error& error) {
    fmt::print(stderr, "error: {}\n", error.what());
    return error.kind() == ErrorKind::check ? 1 : 2;
  }
}
