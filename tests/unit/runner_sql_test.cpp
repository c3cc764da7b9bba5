// `upgrade --sql` / `downgrade --sql`: the rendered script, and that running it with SQLite
// leaves the database exactly where a run would.
#include <fmt/format.h>
#include <gtest/gtest.h>

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
      fmt::format("CREATE TABLE IF NOT EXISTS dbmigrate_version (revision TEXT PRIMARY KEY);\n"
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
                  "DELETE FROM dbmigrate_version;\n"
                  "INSERT INTO dbmigrate_version (revision) VALUES ('aaaa');\n"
                  "INSERT INTO dbmigrate_history (revision, checksum, direction, applied_at, "
                  "duration_ms) VALUES ('aaaa', '{}', 'upgrade', strftime('%Y-%m-%d "
                  "%H:%M:%S+00:00', 'now'), 0);\n"
                  "COMMIT;\n"
                  "PRAGMA foreign_keys = ON;\n",
                  checksum));
}

TEST_F(RunnerTest, RenderSql_ScriptsRunBySqlite_MatchWhatTheRunnerRecords) {
  add_chain();
  auto db = look();
  db.execute(render_upgrade_sql(graph(), {}, "head"));
  EXPECT_TRUE(has_table(db, "tags"));

  SqliteRunner runner(database());
  EXPECT_EQ(runner.current_heads(), Ids{"cccc"});
  EXPECT_EQ(runner.changed_revisions(graph()), Ids{});
  EXPECT_EQ(column(db, "SELECT revision || ' ' || direction FROM dbmigrate_history ORDER BY id"),
            (Ids{"aaaa upgrade", "bbbb upgrade", "cccc upgrade"}));

  const auto downgrade = render_downgrade_sql(graph(), runner.current_heads(), "aaaa");
  EXPECT_NE(downgrade.find("-- Running downgrade cccc -> bbbb, add tags\n"), std::string::npos);
  db.execute(downgrade);
  EXPECT_EQ(runner.current_heads(), Ids{"aaaa"});
  EXPECT_FALSE(has_table(db, "posts"));
  EXPECT_TRUE(has_table(db, "users"));
}

}  // namespace
}  // namespace dbmigrate::testing
