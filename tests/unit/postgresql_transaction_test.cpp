// A section with `-- Upgrade Transaction: none` on the tests' PostgreSQL server: CREATE INDEX
// CONCURRENTLY runs, the version row follows in a transaction of its own; without the header
// the server's refusal (SQLSTATE 25001) names the header to add; a failure outside a
// transaction says that what ran before it stays.
#include <gtest/gtest.h>

#include <string>

#include "dialect/postgresql/connection.hpp"
#include "unit/postgresql_run_fixture.hpp"

namespace dbmigrate {
namespace {

using postgresql::Connection;

class PgTransaction : public PgRun {
 protected:
  // The first revision: a table with rows, to index.
  void add_table() {
    write(version_file("aaaaaaaaaaaa_first.sql"),
          revision("aaaaaaaaaaaa", "",
                   "CREATE TABLE items (id integer PRIMARY KEY, name text);\n"
                   "INSERT INTO items SELECT g, 'n' || g FROM generate_series(1, 100) g;\n",
                   "DROP TABLE items;\n"));
  }
  // A second revision with `headers` after `-- Dialect:`.
  void add_second(const std::string& headers, const std::string& up, const std::string& down) {
    auto text = revision("bbbbbbbbbbbb", "aaaaaaaaaaaa", up, down);
    text.insert(text.find("\n\n-- migrate:upgrade") + 1, headers);
    write(version_file("bbbbbbbbbbbb_second.sql"), text);
  }
};

TEST_F(PgTransaction, CreateIndexConcurrently_RunsOutsideATransactionAndIsRecorded) {
  add_table();
  add_second("-- Upgrade Transaction: none\n-- Downgrade Transaction: none\n",
             "CREATE INDEX CONCURRENTLY ix_items_name ON items (name);\n",
             "DROP INDEX CONCURRENTLY ix_items_name;\n");
  const auto up = cli("upgrade");
  ASSERT_EQ(up.status, 0) << up.text;
  Connection db(url_);
  EXPECT_EQ(db.query_value("SELECT indisvalid::text FROM pg_index WHERE indexrelid = "
                           "'ix_items_name'::regclass"),
            "true");
  EXPECT_EQ(db.query_value("SELECT revision FROM dbmigrate_version"), "bbbbbbbbbbbb");
  EXPECT_EQ(db.query_value("SELECT string_agg(revision || ':' || direction, ',' ORDER BY id) "
                           "FROM dbmigrate_history"),
            "aaaaaaaaaaaa:upgrade,bbbbbbbbbbbb:upgrade");

  const auto down = cli("downgrade");
  ASSERT_EQ(down.status, 0) << down.text;
  EXPECT_EQ(db.query_value("SELECT to_regclass('ix_items_name')::text"), std::nullopt);
  EXPECT_EQ(db.query_value("SELECT revision FROM dbmigrate_version"), "aaaaaaaaaaaa");
}

TEST_F(PgTransaction, ConcurrentlyWithoutTheHeader_FailsNamingTheHeaderAndRollsBack) {
  add_table();
  add_second("",
             "CREATE TABLE other (id integer);\nCREATE INDEX CONCURRENTLY ix ON items (name);\n",
             "DROP TABLE other;\n");
  const auto up = cli("upgrade");
  EXPECT_EQ(up.status, 1) << up.text;
  EXPECT_NE(up.text.find("bbbbbbbbbbbb_second.sql:9: statement 'CREATE INDEX CONCURRENTLY ix ON "
                         "items (name)' failed"),
            std::string::npos)
      << up.text;
  EXPECT_NE(up.text.find("(SQLSTATE 25001)"), std::string::npos) << up.text;
  EXPECT_NE(up.text.find("add the header line '-- Upgrade Transaction: none'"), std::string::npos)
      << up.text;
  EXPECT_NE(up.text.find("upgrade bbbbbbbbbbbb was rolled back"), std::string::npos) << up.text;
  Connection db(url_);
  EXPECT_EQ(db.query_value("SELECT to_regclass('other')::text"), std::nullopt);
  EXPECT_EQ(db.query_value("SELECT revision FROM dbmigrate_version"), "aaaaaaaaaaaa");
}

TEST_F(PgTransaction, FailureOutsideATransaction_SaysWhatStaysAppliedAndRecordsNothing) {
  add_table();
  add_second("-- Upgrade Transaction: none\n",
             "CREATE INDEX CONCURRENTLY ix_one ON items (name);\n"
             "CREATE UNIQUE INDEX CONCURRENTLY ix_two ON items ((1));\n",
             "DROP INDEX ix_one;\n");
  const auto up = cli("upgrade");
  EXPECT_EQ(up.status, 1) << up.text;
  EXPECT_NE(up.text.find("bbbbbbbbbbbb_second.sql:10: statement 'CREATE UNIQUE INDEX CONCURRENTLY "
                         "ix_two ON items ((1))' failed"),
            std::string::npos)
      << up.text;
  EXPECT_NE(up.text.find("(SQLSTATE 23505)"), std::string::npos) << up.text;
  EXPECT_NE(up.text.find("outside a transaction ('-- Upgrade Transaction: none'), so the "
                         "statements before this one in it stay applied"),
            std::string::npos)
      << up.text;
  EXPECT_NE(up.text.find("upgrade bbbbbbbbbbbb is not recorded"), std::string::npos) << up.text;
  Connection db(url_);
  EXPECT_EQ(db.query_value("SELECT to_regclass('ix_one')::text"), "ix_one");
  EXPECT_EQ(db.query_value("SELECT revision FROM dbmigrate_version"), "aaaaaaaaaaaa");
  EXPECT_EQ(db.query_value("SELECT count(*) FROM dbmigrate_history WHERE revision = "
                           "'bbbbbbbbbbbb'"),
            "0");
}

TEST_F(PgTransaction, TransactionStatementInASectionWithoutOne_RefusedBeforeAnythingRuns) {
  add_table();
  add_second("-- Upgrade Transaction: none\n",
             "CREATE INDEX CONCURRENTLY ix_one ON items (name);\nBEGIN;\n", "SELECT 1;\n");
  const auto up = cli("upgrade");
  EXPECT_EQ(up.status, 2) << up.text;
  EXPECT_NE(up.text.find("statement 'BEGIN' would end the transaction"), std::string::npos)
      << up.text;
  Connection db(url_);
  EXPECT_EQ(db.query_value("SELECT to_regclass('ix_one')::text"), std::nullopt);
  EXPECT_EQ(db.query_value("SELECT revision FROM dbmigrate_version"), "aaaaaaaaaaaa");
}

}  // namespace
}  // namespace dbmigrate
