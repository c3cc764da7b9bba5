// The fidelity corpus on SQLite: one parameterised test over the folders of tests/corpus.
//
// Each folder holds old.sql, new.sql, data.sql and an optional expect.txt
// (tests/corpus/README.md). A case proves the pure stages on snapshots (diff, apply, invert,
// render determinism), then upgrades and downgrades a real SQLite file holding data.sql the
// way the runner does, and checks the schema (inspect) and every row after each step.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "corpus_case.hpp"
#include "dbmigrate/sqlite.hpp"
#include "dialect/sqlite/connection.hpp"
#include "dialect/sqlite/inspect.hpp"

namespace dbmigrate {
namespace {

using namespace corpus;

std::string quote(std::string_view name) { return SqliteDialect().quote_identifier(name); }

class SqliteCaseDatabase final : public CaseDatabase {
 public:
  explicit SqliteCaseDatabase(const std::string& path) : db_(path) { db_.execute("PRAGMA foreign_keys=ON"); }

  void execute(const std::string& sql) override { db_.execute(sql); }

  Rows query(const std::string& sql) override {
    auto statement = db_.prepare(sql);
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

  // Each value as quote() gives it.
  Rows table_rows(const std::string& table, const std::vector<std::string>& columns) override {
    std::string select;
    for (const auto& column : columns) select += fmt::format("{}quote({})", select.empty() ? "" : ", ", quote(column));
    if (select.empty()) select = "1";
    Rows rows = query(fmt::format("SELECT {} FROM {}", select, quote(table)));
    std::sort(rows.begin(), rows.end());
    return rows;
  }

  std::int64_t non_null_count(const std::string& table, const std::string& column) override {
    return db_.query_int(fmt::format("SELECT count({}) FROM {}", quote(column), quote(table)));
  }

  // As the runner does: enforcement off around a rebuild, one transaction, a clean
  // foreign_key_check before COMMIT.
  bool run_script(const SqlScript& script, const std::string& what) override {
    db_.execute(script.needs_foreign_keys_off ? "PRAGMA foreign_keys=OFF" : "PRAGMA foreign_keys=ON");
    {
      sqlite::Transaction transaction(db_);
      for (std::size_t i = 0; i < script.statements.size(); ++i) {
        try {
          db_.execute(script.statements[i].sql);
        } catch (const std::exception& error) {
          ADD_FAILURE() << what << ": statement " << i + 1 << " failed: " << error.what() << "\n  "
                        << script.statements[i].sql << "\nscript:\n" << describe(script);
          return false;
        }
      }
      if (std::string violations = foreign_key_violations(); !violations.empty()) {
        ADD_FAILURE() << what << ": PRAGMA foreign_key_check before COMMIT (table, rowid, parent, fkid):\n"
                      << violations << "script:\n" << describe(script);
        return false;
      }
      transaction.commit();
    }
    db_.execute("PRAGMA foreign_keys=ON");
    return true;
  }

  void expect_sound(const std::string& what) override {
    EXPECT_EQ(db_.query_text("PRAGMA integrity_check").value_or(""), "ok") << what << ": PRAGMA integrity_check";
    EXPECT_EQ(foreign_key_violations(), "") << what << ": PRAGMA foreign_key_check (table, rowid, parent, fkid)";
  }

  Snapshot inspect() override { return sqlite::inspect(db_); }

 private:
  std::string foreign_key_violations() {
    std::string out;
    for (const auto& row : query("PRAGMA foreign_key_check")) out += fmt::format("  ({})\n", join(row, ", "));
    return out;
  }

  sqlite::Connection db_;
};

class Corpus : public testing::TestWithParam<std::string> {};

TEST_P(Corpus, UpgradeAndDowngradeKeepSchemaAndRows) {
  const Case test_case = load_case(GetParam(), "sqlite");
  const std::string& name = test_case.name;
  SCOPED_TRACE("corpus case " + name);

  const fs::path dir = fs::temp_directory_path() / fmt::format("dbmigrate-corpus-{}-{}", name, ::getpid());
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = (dir / "corpus.db").string();
  SqlScript up, down;
  {
    SqliteCaseDatabase db(path);
    run_case(test_case, SqliteDialect(), db, up, down);
  }
  if (HasFailure()) {
    std::cerr << "[corpus] " << name << ": database kept at " << path << "\n"
              << "[corpus] upgrade SQL:\n" << describe(up) << "[corpus] downgrade SQL:\n" << describe(down);
  } else {
    fs::remove_all(dir);
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, Corpus, testing::ValuesIn(case_names()), test_name);

}  // namespace
}  // namespace dbmigrate
