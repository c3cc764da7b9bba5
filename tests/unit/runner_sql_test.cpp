// `upgrade --sql` / `downgrade --sql`: the rendered script, and that running it with SQLite
// leaves the database exactly where a run would.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "revision_builder.hpp"
#include "runner_fixture.hpp"

namespace dbmigrate::testing {
namespace {

TEST_F(RunnerTest, RenderUpgradeSql_OneRevision_ExactScript) {
  const auto file = add("aaaa", {}, "PRAGMA foreign_keys=OFF;\nCREATE TABLE users (id INTEGER)",
                        "DROP TABLE users;", "add users");
  const auto checksum = sha256_hex(read(file));
  EXPECT_EQ(
      render_upgrade_sql(graph(), {}, "head"),
      fmt::format("-- A script for the sqlite3 shell: sqlite3 app.db < script.sql\n"
                  "-- .bail on stops it at the first error, before that revision's COMMIT.\n"
                  ".bail on\n"
                  "CREATE TABLE IF NOT EXISTS dbmigrate_version (revision TEXT PRIMARY KEY);\n"
                  "CREATE TABLE IF NOT EXISTS dbmigrate_history (\n"
                  "  id INTEGER PRIMARY KEY,\n"
                  "  revision TEXT NOT NULL,\n"
                  "  checksum TEXT NOT NULL,\n"
                  "  direction TEXT NOT NULL CHECK (direction IN ('upgrade', 'downgrade', "
                  "'stamp')),\n"
                  "  applied_at TEXT NOT NULL,\n"
                  "  duration_ms INTEGER NOT NULL\n"
                  ");\n"
                  "\n"
                  "-- Running upgrade  -> aaaa, add users\n"
                  "PRAGMA foreign_keys = OFF;\n"
                  "BEGIN IMMEDIATE;\n"
                  "PRAGMA foreign_keys=OFF;\n"
                  "CREATE TABLE users (id INTEGER)\n"
                  ";\n"
                  "PRAGMA foreign_key_check;\n"
                  "CREATE TEMP TABLE dbmigrate_foreign_key_check (violations INTEGER\n"
                  "  CONSTRAINT \"foreign key check failed: see PRAGMA foreign_key_check\" "
                  "CHECK (violations = 0));\n"
                  "INSERT INTO temp.dbmigrate_foreign_key_check SELECT count(*) FROM "
                  "pragma_foreign_key_check;\n"
                  "DROP TABLE temp.dbmigrate_foreign_key_check;\n"
                  "DELETE FROM dbmigrate_version;\n"
                  "INSERT INTO dbmigrate_version (revision) VALUES ('aaaa');\n"
                  "INSERT INTO dbmigrate_history (revision, checksum, direction, applied_at, "
                  "duration_ms) VALUES ('aaaa', '{}', 'upgrade', strftime('%Y-%m-%d "
                  "%H:%M:%S+00:00', 'now'), 0);\n"
                  "COMMIT;\n"
                  "PRAGMA foreign_keys = ON;\n",
                  checksum));
}

// Runs `script` with the sqlite3 shell on the test's database; its exit status, its stderr
// in `errors`.
int run_in_shell(const std::filesystem::path& folder, const std::string& database,
                 const std::string& script, std::string* errors = nullptr) {
  const auto path = folder / "script.sql";
  const auto error_path = folder / "shell-errors.txt";
  std::ofstream(path, std::ios::binary) << script;
  const int status = std::system(fmt::format("sqlite3 '{}' < '{}' > /dev/null 2> '{}'", database,
                                             path.string(), error_path.string())
                                     .c_str());
  if (errors != nullptr) {
    std::ifstream in(error_path, std::ios::binary);
    errors->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST_F(RunnerTest, RenderSql_ScriptsRunBySqlite_MatchWhatTheRunnerRecords) {
  add_chain();
  auto db = look();
  ASSERT_EQ(run_in_shell(dir_, database(), render_upgrade_sql(graph(), {}, "head")), 0);
  EXPECT_TRUE(has_table(db, "tags"));

  Runner runner = open_sqlite_runner(database());
  EXPECT_EQ(runner.current_heads(), Ids{"cccc"});
  EXPECT_EQ(runner.changed_revisions(graph()), Ids{});
  EXPECT_EQ(column(db, "SELECT revision || ' ' || direction FROM dbmigrate_history ORDER BY id"),
            (Ids{"aaaa upgrade", "bbbb upgrade", "cccc upgrade"}));

  const auto downgrade = render_downgrade_sql(graph(), runner.current_heads(), "aaaa");
  EXPECT_NE(downgrade.find("-- Running downgrade cccc -> bbbb, add tags\n"), std::string::npos);
  ASSERT_EQ(run_in_shell(dir_, database(), downgrade), 0);
  EXPECT_EQ(runner.current_heads(), Ids{"aaaa"});
  EXPECT_FALSE(has_table(db, "posts"));
  EXPECT_TRUE(has_table(db, "users"));
}

// Without .bail on the shell went on after the failing statement and committed the revision.
TEST_F(RunnerTest, RenderSql_FailingStatementInTheShell_LeavesTheRevisionUnapplied) {
  add("aaaa", {}, "CREATE TABLE users (id INTEGER PRIMARY KEY);", "DROP TABLE users;");
  add("bbbb", {"aaaa"}, "CREATE TABLE posts (id INTEGER);\nINSERT INTO nowhere VALUES (1);",
      "DROP TABLE posts;");
  std::string errors;
  EXPECT_NE(run_in_shell(dir_, database(), render_upgrade_sql(graph(), {}, "head"), &errors), 0);
  EXPECT_NE(errors.find("no such table: nowhere"), std::string::npos) << errors;
  auto db = look();
  EXPECT_EQ(column(db, "SELECT revision FROM dbmigrate_version"), Ids{"aaaa"});
  EXPECT_EQ(column(db, "SELECT revision FROM dbmigrate_history"), Ids{"aaaa"});
  EXPECT_TRUE(has_table(db, "users"));
  EXPECT_FALSE(has_table(db, "posts"));
}

// A section that switches foreign keys off must leave them consistent, in the shell as in a run.
TEST_F(RunnerTest, RenderSql_ForeignKeyViolationInTheShell_LeavesTheRevisionUnapplied) {
  add("aaaa", {}, "CREATE TABLE users (id INTEGER PRIMARY KEY);", "DROP TABLE users;");
  add("bbbb", {"aaaa"},
      "PRAGMA foreign_keys=OFF;\n"
      "CREATE TABLE posts (id INTEGER, user_id INTEGER REFERENCES users (id));\n"
      "INSERT INTO posts VALUES (1, 42);",
      "DROP TABLE posts;");
  std::string errors;
  EXPECT_NE(run_in_shell(dir_, database(), render_upgrade_sql(graph(), {}, "head"), &errors), 0);
  EXPECT_NE(errors.find("foreign key check failed"), std::string::npos) << errors;
  auto db = look();
  EXPECT_EQ(column(db, "SELECT revision FROM dbmigrate_version"), Ids{"aaaa"});
  EXPECT_EQ(column(db, "SELECT revision FROM dbmigrate_history"), Ids{"aaaa"});
  EXPECT_FALSE(has_table(db, "posts"));

  // Without a violation the same check passes.
  std::filesystem::remove(database());
  add("bbbb", {"aaaa"},
      "PRAGMA foreign_keys=OFF;\n"
      "CREATE TABLE posts (id INTEGER, user_id INTEGER REFERENCES users (id));\n"
      "INSERT INTO posts VALUES (1, NULL);",
      "DROP TABLE posts;");
  EXPECT_EQ(run_in_shell(dir_, database(), render_upgrade_sql(graph(), {}, "head"), &errors), 0)
      << errors;
  auto fresh = look();
  EXPECT_EQ(column(fresh, "SELECT revision FROM dbmigrate_version"), Ids{"bbbb"});
}

}  // namespace
}  // namespace dbmigrate::testing
