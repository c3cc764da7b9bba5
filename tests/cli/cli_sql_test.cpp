// `upgrade --sql` and `downgrade --sql`: the script is printed, no database is created or
// changed, and the script run through the sqlite3 shell migrates a database like upgrade does.
#include "cli_fixture.hpp"

namespace dbmigrate::cli_test {
namespace {

using Lines = std::vector<std::string>;

class SqlMode : public Cli {
 protected:
  void SetUp() override {
    Cli::SetUp();
    init_with_two_revisions();
  }
};

TEST_F(SqlMode, UpgradeSql_PrintsTheScriptAndCreatesNoDatabase) {
  const FolderState before = state();
  auto printed = run("upgrade --sql --url sqlite:///app.db");
  ASSERT_EQ(printed.code, 0) << printed.text();
  EXPECT_EQ(state(), before);
  EXPECT_FALSE(exists("app.db"));
  const std::string& sql = printed.out;
  EXPECT_TRUE(
      sql.starts_with("-- A script for the sqlite3 shell: sqlite3 app.db < script.sql\n"
                      "-- .bail on stops it at the first error, before that revision's COMMIT.\n"
                      ".bail on\n"
                      "CREATE TABLE IF NOT EXISTS dbmigrate_version (revision TEXT PRIMARY KEY);\n"
                      "CREATE TABLE IF NOT EXISTS dbmigrate_history (\n"))
      << sql;
  EXPECT_TRUE(contains(
      sql,
      "-- Running upgrade  -> 111111111111, one\nBEGIN IMMEDIATE;\nCREATE TABLE one (id INTEGER);\n"
      "DELETE FROM dbmigrate_version;\n"
      "INSERT INTO dbmigrate_version (revision) VALUES ('111111111111');\n"
      "INSERT INTO dbmigrate_history "))
      << sql;
  EXPECT_TRUE(contains(sql,
                       "-- Running upgrade 111111111111 -> 222222222222, two\nBEGIN IMMEDIATE;\n"
                       "CREATE TABLE two (id INTEGER);\n"))
      << sql;
  EXPECT_TRUE(sql.ends_with("COMMIT;\n")) << sql;

  // The script is what upgrade would do.
  write("script.sql", sql);
  ASSERT_EQ(shell("sqlite3 shell.db < script.sql").code, 0);
  EXPECT_EQ(tables("shell.db"), (Lines{"one", "two"}));
  EXPECT_EQ(version("shell.db"), Lines{"222222222222"});
  EXPECT_EQ(
      column("shell.db", "SELECT revision || ' ' || direction FROM dbmigrate_history ORDER BY id"),
      (Lines{"111111111111 upgrade", "222222222222 upgrade"}));
}

TEST_F(SqlMode, UpgradeSql_StartsFromTheDatabaseAndLeavesItUnchanged) {
  ASSERT_EQ(run("upgrade 1111 --url sqlite:///app.db").code, 0);
  const FolderState before = state();
  const auto mtime = fs::last_write_time(dir_ / "app.db");
  auto printed = run("upgrade --sql --url sqlite:///app.db");
  ASSERT_EQ(printed.code, 0) << printed.text();
  EXPECT_FALSE(contains(printed.out, "CREATE TABLE one")) << printed.out;
  EXPECT_TRUE(contains(printed.out, "-- Running upgrade 111111111111 -> 222222222222, two\n"))
      << printed.out;
  EXPECT_EQ(state(), before);
  EXPECT_EQ(fs::last_write_time(dir_ / "app.db"), mtime);
  EXPECT_EQ(tables("app.db"), Lines{"one"});
}

TEST_F(SqlMode, DowngradeSql_FromToNeedsNoDatabase) {
  const FolderState before = state();
  auto printed = run("downgrade --sql 2222:base");
  ASSERT_EQ(printed.code, 0) << printed.text();
  EXPECT_EQ(state(), before);
  const std::string& sql = printed.out;
  const auto two = sql.find(
      "-- Running downgrade 222222222222 -> 111111111111, two\nBEGIN IMMEDIATE;\nDROP TABLE "
      "two;\n");
  const auto one =
      sql.find("-- Running downgrade 111111111111 -> , one\nBEGIN IMMEDIATE;\nDROP TABLE one;\n");
  ASSERT_NE(two, std::string::npos) << sql;
  ASSERT_NE(one, std::string::npos) << sql;
  EXPECT_LT(two, one);
  EXPECT_TRUE(contains(sql, "VALUES ('222222222222', ")) << sql;
  EXPECT_TRUE(contains(sql, "'downgrade'")) << sql;

  // Without FROM:TO and without a database there is nothing to start from.
  auto refused = run("downgrade --sql base");
  EXPECT_EQ(refused.code, 2);
  EXPECT_TRUE(contains(refused.err, "FROM:TO")) << refused.err;
  EXPECT_EQ(state(), before);
}

TEST_F(SqlMode, DowngradeSql_FromTheDatabaseLeavesItUnchanged) {
  ASSERT_EQ(run("upgrade --url sqlite:///app.db").code, 0);
  const FolderState before = state();
  auto printed = run("downgrade --sql -1 --url sqlite:///app.db");
  ASSERT_EQ(printed.code, 0) << printed.text();
  EXPECT_TRUE(contains(printed.out, "DROP TABLE two;")) << printed.out;
  EXPECT_FALSE(contains(printed.out, "DROP TABLE one;")) << printed.out;
  EXPECT_EQ(state(), before);
  EXPECT_EQ(tables("app.db"), (Lines{"one", "two"}));
}

}  // namespace
}  // namespace dbmigrate::cli_test
