// The fidelity corpus on PostgreSQL: every case of tests/corpus that is not sqlite_only, each
// on a fresh database of the test server, from its `*.postgresql.sql` files where it has them
// (tests/corpus/README.md). The schema files are read the way `--model schema.sql` reads them
// for PostgreSQL: on a scratch schema of the server.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>

#include "corpus_case.hpp"
#include "dbmigrate/dialect_registry.hpp"
#include "dialect/postgresql/connection.hpp"
#include "dialect/postgresql/inspect.hpp"
#include "dialect/postgresql/quote.hpp"
#include "postgresql/test_server.hpp"

namespace dbmigrate {
namespace {

using namespace corpus;
using postgresql::quote_identifier;

class PostgresqlCaseDatabase final : public CaseDatabase {
 public:
  explicit PostgresqlCaseDatabase(const std::string& url) : db_(url) {}

  void execute(const std::string& sql) override { db_.execute(sql); }

  Rows query(const std::string& sql) override {
    Rows rows;
    for (const auto& row : db_.query(sql)) {
      Row out;
      for (const auto& value : row) out.push_back(value.value_or("NULL"));
      rows.push_back(std::move(out));
    }
    return rows;
  }

  // Each value as quote_nullable() gives it.
  Rows table_rows(const std::string& table, const std::vector<std::string>& columns) override {
    std::string select;
    for (const auto& column : columns)
      select += fmt::format("{}quote_nullable({})", select.empty() ? "" : ", ", quote_identifier(column));
    if (select.empty()) select = "1";
    Rows rows = query(fmt::format("SELECT {} FROM {}", select, quote_identifier(table)));
    std::sort(rows.begin(), rows.end());
    return rows;
  }

  std::int64_t non_null_count(const std::string& table, const std::string& column) override {
    return std::stoll(db_.query_value(fmt::format("SELECT count({}) FROM {}", quote_identifier(column),
                                                  quote_identifier(table)))
                          .value_or("-1"));
  }

  // As the runner does: one transaction, rolled back whole when a statement fails.
  bool run_script(const SqlScript& script, const std::string& what) override {
    db_.execute("BEGIN");
    for (std::size_t i = 0; i < script.statements.size(); ++i) {
      try {
        db_.execute(script.statements[i].sql);
      } catch (const std::exception& error) {
        db_.execute("ROLLBACK");
        ADD_FAILURE() << what << ": statement " << i + 1 << " failed: " << error.what() << "\n  "
                      << script.statements[i].sql << "\nscript:\n" << describe(script);
        return false;
      }
    }
    db_.execute("COMMIT");
    return true;
  }

  // Every constraint holds for every row: none was added NOT VALID.
  void expect_sound(const std::string& what) override {
    EXPECT_EQ(db_.query_value("SELECT count(*) FROM pg_constraint WHERE NOT convalidated"), "0")
        << what << ": constraints not validated";
  }

  Snapshot inspect() override { return postgresql::inspect(db_); }

 private:
  postgresql::Connection db_;
};

class PostgresqlCorpus : public ::testing::TestWithParam<std::string> {};

TEST_P(PostgresqlCorpus, UpgradeAndDowngradeKeepSchemaAndRows) {
  const Case test_case = load_case(GetParam(), "postgresql");
  if (!test_case.expect.sqlite_only.empty()) GTEST_SKIP() << "sqlite_only: " << test_case.expect.sqlite_only;
  SCOPED_TRACE("corpus case " + test_case.name);
  // The schema files are read on scratch schemas of the test server.
  setenv("DBMIGRATE_DEV_URL", testing::test_server().url.c_str(), 1);
  const std::string url = testing::fresh_database();
  SqlScript up, down;
  {
    PostgresqlCaseDatabase db(url);
    run_case(test_case, dialect_named("postgresql"), db, up, down);
  }
  if (HasFailure()) {
    std::cerr << "[corpus] " << test_case.name << ": database kept at " << url << "\n"
              << "[corpus] upgrade SQL:\n" << describe(up) << "[corpus] downgrade SQL:\n" << describe(down);
  } else {
    postgresql::Connection admin(testing::test_server().url);
    admin.execute(fmt::format("DROP DATABASE {} WITH (FORCE)", url.substr(url.rfind('/') + 1)));
  }
}

INSTANTIATE_TEST_SUITE_P(PostgresqlCases, PostgresqlCorpus, ::testing::ValuesIn(case_names()), test_name);

}  // namespace
}  // namespace dbmigrate
