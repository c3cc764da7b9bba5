// lock_timeout and statement_timeout from dbmigrate.json, set for each revision on the tests'
// PostgreSQL server: a revision blocked by another session's lock, or running too long, fails
// naming the setting and leaves nothing of itself applied.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "dialect/postgresql/connection.hpp"
#include "unit/postgresql_run_fixture.hpp"

namespace dbmigrate {
namespace {

using postgresql::Connection;
using std::chrono::steady_clock;

class PgTimeout : public PgRun {
 protected:
  void settings(const std::string& fields) {
    write(dir_ / "migrations" / "dbmigrate.json",
          R"({"dialect": "postgresql", "format": 1, )" + fields + "}");
  }
  void add_two(const std::string& second_up) {
    write(
        version_file("aaaaaaaaaaaa_first.sql"),
        revision("aaaaaaaaaaaa", "", "CREATE TABLE items (id integer);\n", "DROP TABLE items;\n"));
    write(version_file("bbbbbbbbbbbb_second.sql"),
          revision("bbbbbbbbbbbb", "aaaaaaaaaaaa", second_up, "SELECT 1;\n"));
  }
};

TEST_F(PgTimeout, RevisionBlockedByAnotherSessionsLock_FailsAfterLockTimeout) {
  add_two("CREATE TABLE lost (id integer);\nALTER TABLE items ADD COLUMN name text;\n");
  ASSERT_EQ(cli("upgrade aaaaaaaaaaaa").status, 0);
  settings(R"("lock_timeout": 0.5)");
  Connection holder(url_);
  holder.execute("BEGIN");
  holder.execute("LOCK TABLE items IN ACCESS EXCLUSIVE MODE");

  const auto start = steady_clock::now();
  const auto up = cli("upgrade");
  const auto took = steady_clock::now() - start;
  EXPECT_EQ(up.status, 1) << up.text;
  EXPECT_LT(took, std::chrono::seconds(10)) << up.text;
  EXPECT_NE(up.text.find("bbbbbbbbbbbb_second.sql:9: statement 'ALTER TABLE items ADD COLUMN name "
                         "text' waited longer than lock_timeout (0.5 s, lock_timeout in "),
            std::string::npos)
      << up.text;
  EXPECT_NE(up.text.find("dbmigrate.json) for a lock another session holds (SQLSTATE 55P03)"),
            std::string::npos)
      << up.text;
  EXPECT_NE(up.text.find("upgrade bbbbbbbbbbbb was rolled back"), std::string::npos) << up.text;
  holder.execute("ROLLBACK");

  Connection db(url_);
  EXPECT_EQ(db.query_value("SELECT revision FROM dbmigrate_version"), "aaaaaaaaaaaa");
  EXPECT_EQ(db.query_value("SELECT count(*) FROM dbmigrate_history"), "1");
  EXPECT_EQ(db.query_value("SELECT to_regclass('lost')::text"), std::nullopt);
  // Once the lock is gone the same run succeeds.
  const auto again = cli("upgrade");
  EXPECT_EQ(again.status, 0) << again.text;
  EXPECT_EQ(db.query_value("SELECT revision FROM dbmigrate_version"), "bbbbbbbbbbbb");
}

// Outside a transaction the timeouts are SET for the section, and RESET after it.
TEST_F(PgTimeout, SectionOutsideATransaction_BlockedIndexBuildFailsAfterLockTimeout) {
  write(version_file("aaaaaaaaaaaa_first.sql"),
        revision("aaaaaaaaaaaa", "", "CREATE TABLE items (id integer);\n", "DROP TABLE items;\n"));
  auto text = revision("bbbbbbbbbbbb", "aaaaaaaaaaaa",
                       "CREATE INDEX CONCURRENTLY ix_items ON items (id);\n", "SELECT 1;\n");
  text.insert(text.find("\n\n-- migrate:upgrade") + 1, "-- Upgrade Transaction: none\n");
  write(version_file("bbbbbbbbbbbb_second.sql"), text);
  ASSERT_EQ(cli("upgrade aaaaaaaaaaaa").status, 0);
  settings(R"("lock_timeout": 0.5)");
  Connection holder(url_);
  holder.execute("BEGIN");
  holder.execute("LOCK TABLE items IN ACCESS EXCLUSIVE MODE");

  const auto start = steady_clock::now();
  const auto up = cli("upgrade");
  EXPECT_EQ(up.status, 1) << up.text;
  EXPECT_LT(steady_clock::now() - start, std::chrono::seconds(10)) << up.text;
  EXPECT_NE(up.text.find("bbbbbbbbbbbb_second.sql:9: statement 'CREATE INDEX CONCURRENTLY "
                         "ix_items ON items (id)' waited longer than lock_timeout (0.5 s"),
            std::string::npos)
      << up.text;
  EXPECT_NE(up.text.find("(SQLSTATE 55P03)"), std::string::npos) << up.text;
  EXPECT_NE(up.text.find("upgrade bbbbbbbbbbbb is not recorded"), std::string::npos) << up.text;
  holder.execute("ROLLBACK");
  Connection db(url_);
  EXPECT_EQ(db.query_value("SELECT revision FROM dbmigrate_version"), "aaaaaaaaaaaa");
  EXPECT_EQ(db.query_value("SELECT count(*) FROM dbmigrate_history"), "1");
}

TEST_F(PgTimeout, RevisionRunningTooLong_FailsAfterStatementTimeout) {
  add_two("CREATE TABLE lost (id integer);\nSELECT pg_sleep(20);\n");
  settings(R"("statement_timeout": 0.3)");
  const auto start = steady_clock::now();
  const auto up = cli("upgrade");
  EXPECT_EQ(up.status, 1) << up.text;
  EXPECT_LT(steady_clock::now() - start, std::chrono::seconds(10)) << up.text;
  EXPECT_NE(up.text.find("bbbbbbbbbbbb_second.sql:9: statement 'SELECT pg_sleep(20)' ran longer "
                         "than statement_timeout (0.3 s, statement_timeout in "),
            std::string::npos)
      << up.text;
  EXPECT_NE(up.text.find("(SQLSTATE 57014)"), std::string::npos) << up.text;
  Connection db(url_);
  EXPECT_EQ(db.query_value("SELECT revision FROM dbmigrate_version"), "aaaaaaaaaaaa");
  EXPECT_EQ(db.query_value("SELECT to_regclass('lost')::text"), std::nullopt);
}

TEST_F(PgTimeout, TimeoutsHoldForTheRevisionOnly) {
  // The first revision reads the settings in force inside it into a table.
  write(version_file("aaaaaaaaaaaa_first.sql"),
        revision("aaaaaaaaaaaa", "",
                 "CREATE TABLE seen AS SELECT current_setting('lock_timeout') AS lock, "
                 "current_setting('statement_timeout') AS statement;\n",
                 "DROP TABLE seen;\n"));
  settings(R"("lock_timeout": 2, "statement_timeout": 90.5)");
  const auto up = cli("upgrade");
  ASSERT_EQ(up.status, 0) << up.text;
  Connection db(url_);
  EXPECT_EQ(db.query_value("SELECT lock || ',' || statement FROM seen"), "2s,90500ms");
}

TEST_F(PgTimeout, MalformedSetting_RefusedNamingTheField) {
  add_two("SELECT 1;\n");
  for (const auto* field : {R"("lock_timeout": "5s")", R"("statement_timeout": -1)"}) {
    settings(field);
    const auto up = cli("upgrade");
    EXPECT_EQ(up.status, 2) << up.text;
    EXPECT_NE(up.text.find(std::string(field).substr(1, std::string(field).find('"', 1) - 1) +
                           ": expected a number of seconds"),
              std::string::npos)
        << up.text;
  }
  EXPECT_EQ(Connection(url_).query_value("SELECT to_regclass('items')::text"), std::nullopt);
}

}  // namespace
}  // namespace dbmigrate
