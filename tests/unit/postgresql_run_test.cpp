// Revisions applied to the tests' PostgreSQL server through the dbmigrate command line.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "dialect/postgresql/connection.hpp"
#include "postgresql/test_server.hpp"
#include "unit/postgresql_run_fixture.hpp"

namespace dbmigrate {
namespace {

using postgresql::Connection;

TEST_F(PgRun, UpgradeAndDowngradeKeepTheVersionAndHistoryTables) {
  write(
      version_file("aaaaaaaaaaaa_first.sql"),
      revision("aaaaaaaaaaaa", "", "CREATE TABLE \"Users\" (id integer PRIMARY KEY, name text);\n",
               "DROP TABLE \"Users\";\n"));
  write(version_file("bbbbbbbbbbbb_second.sql"),
        revision("bbbbbbbbbbbb", "aaaaaaaaaaaa",
                 "CREATE FUNCTION f() RETURNS text AS $body$ SELECT 'a;b' $body$ LANGUAGE sql;\n"
                 "INSERT INTO \"Users\" VALUES (1, 'it''s; fine');\n",
                 "DROP FUNCTION f();\nDELETE FROM \"Users\";\n"));
  const auto up = cli("upgrade");
  ASSERT_EQ(up.status, 0) << up.text;
  EXPECT_NE(up.text.find("Running upgrade aaaaaaaaaaaa -> bbbbbbbbbbbb"), std::string::npos)
      << up.text;
  Connection db(url_);
  EXPECT_EQ(db.query_value("SELECT name FROM \"Users\""), "it's; fine");
  EXPECT_EQ(db.query_value("SELECT f()"), "a;b");
  EXPECT_EQ(db.query_value("SELECT revision FROM dbmigrate_version"), "bbbbbbbbbbbb");
  EXPECT_EQ(db.query_value("SELECT string_agg(revision || ':' || direction, ',' ORDER BY id) "
                           "FROM dbmigrate_history"),
            "aaaaaaaaaaaa:upgrade,bbbbbbbbbbbb:upgrade");

  const auto down = cli("downgrade base");
  ASSERT_EQ(down.status, 0) << down.text;
  EXPECT_EQ(db.query_value("SELECT to_regclass('\"Users\"')::text"), std::nullopt);
  EXPECT_EQ(db.query_value("SELECT count(*) FROM dbmigrate_version"), "0");
  EXPECT_EQ(db.query_value("SELECT count(*) FROM dbmigrate_history"), "4");
}

TEST_F(PgRun, FailureMidRevisionRollsItBackWholeNamingLineAndSqlstate) {
  write(version_file("aaaaaaaaaaaa_first.sql"),
        revision("aaaaaaaaaaaa", "", "CREATE TABLE kept (id integer);\n", "DROP TABLE kept;\n"));
  write(version_file("bbbbbbbbbbbb_second.sql"),
        revision("bbbbbbbbbbbb", "aaaaaaaaaaaa",
                 "CREATE TABLE lost (id integer);\nINSERT INTO kept VALUES (1);\n"
                 "INSERT INTO missing VALUES (1);\n",
                 "DROP TABLE lost;\n"));
  const auto up = cli("upgrade");
  EXPECT_EQ(up.status, 1) << up.text;
  // Line 10 of the file: the headers, a blank line, the marker, then two statements.
  EXPECT_NE(up.text.find("bbbbbbbbbbbb_second.sql:10: statement 'INSERT INTO missing VALUES (1)' "
                         "failed: relation \"missing\" does not exist (SQLSTATE 42P01)"),
            std::string::npos)
      << up.text;
  Connection db(url_);
  EXPECT_EQ(db.query_value("SELECT revision FROM dbmigrate_version"), "aaaaaaaaaaaa");
  EXPECT_EQ(db.query_value("SELECT to_regclass('lost')::text"), std::nullopt);
  EXPECT_EQ(db.query_value("SELECT count(*) FROM kept"), "0");
}

TEST_F(PgRun, SqliteRevisionIsRefusedOnPostgresql) {
  auto text = revision("aaaaaaaaaaaa", "", "CREATE TABLE t (id integer);\n", "DROP TABLE t;\n");
  text.replace(text.find("postgresql"), 10, "sqlite");
  write(version_file("aaaaaaaaaaaa_first.sql"), text);
  const auto up = cli("upgrade");
  EXPECT_EQ(up.status, 2) << up.text;
  EXPECT_NE(up.text.find("sqlite"), std::string::npos) << up.text;
  EXPECT_EQ(Connection(url_).query_value("SELECT to_regclass('t')::text"), std::nullopt);
}

TEST_F(PgRun, PasswordNeverPrinted) {
  const auto& server = testing::test_server();
  write(version_file("aaaaaaaaaaaa_first.sql"),
        revision("aaaaaaaaaaaa", "", "CREATE TABLE t (id integer);\nSELECT * FROM nowhere;\n",
                 "DROP TABLE t;\n"));
  const auto url = testing::database_url(server.password_url, url_.substr(url_.rfind('/') + 1));
  for (const auto& [args, with] : std::vector<std::pair<std::string, std::string>>{
           {"upgrade", url},
           {"current", url},
           {"upgrade", url.substr(0, url.find('@')) + "/x@127.0.0.1:" + server.port + "/db"},
           {"upgrade", url.substr(0, url.find('@')) + "%zz@127.0.0.1:" + server.port + "/db"},
           {"upgrade", url.substr(0, url.find('@')) + "@127.0.0.1:1/db?connect_timeout=2"}}) {
    const auto out = cli(args, with);
    EXPECT_EQ(out.text.find(server.password), std::string::npos) << out.text;
  }
}

}  // namespace
}  // namespace dbmigrate
