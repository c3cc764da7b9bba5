// The runner's safety nets: backups, foreign keys around rebuilds, the lock between concurrent
// runs, progress reports; and the section reading they rely on.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>

#include "dbmigrate/error.hpp"
#include "dialect/sqlite/statement_text.hpp"
#include "revision/section_text.hpp"
#include "revision_builder.hpp"
#include "runner_fixture.hpp"

namespace dbmigrate::testing {
namespace {

constexpr const char* parent_and_children =
    "CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT);\n"
    "CREATE TABLE child (id INTEGER PRIMARY KEY,\n"
    "  parent_id INTEGER NOT NULL REFERENCES parent (id) ON DELETE CASCADE);\n"
    "INSERT INTO parent VALUES (1, 'one'), (2, 'two');\n"
    "INSERT INTO child VALUES (10, 1), (20, 2);";

TEST_F(RunnerTest, Upgrade_DestructiveRevision_BacksUpPreRunDatabaseOnce) {
  add("aaaa", {}, "CREATE TABLE users (id INTEGER);\nINSERT INTO users VALUES (1), (2);",
      "DROP TABLE users;");
  Runner runner = open_sqlite_runner(database());
  (void)runner.upgrade(graph(), "head", reporter_);
  EXPECT_TRUE(reporter_.backups.empty());

  add("bbbb", {"aaaa"}, "-- WARNING: drops table users\nDROP TABLE users;",
      "CREATE TABLE users (id INTEGER);");
  add("cccc", {"bbbb"}, "-- WARNING: drops nothing really\nCREATE TABLE t (id INTEGER);",
      "DROP TABLE t;");
  (void)runner.upgrade(graph(), "head", reporter_);
  ASSERT_EQ(reporter_.backups.size(), 1U);
  const auto backup = reporter_.backups.front();
  EXPECT_TRUE(std::filesystem::exists(backup));
  EXPECT_EQ(backup.parent_path(), std::filesystem::path(database()).parent_path());
  EXPECT_TRUE(backup.filename().string().starts_with("app.db.backup-")) << backup;

  sqlite::Connection saved(backup.string());
  EXPECT_EQ(column(saved, "SELECT count(*) FROM users"), Ids{"2"});
  EXPECT_EQ(column(saved, "SELECT revision FROM dbmigrate_version"), Ids{"aaaa"});
  auto db = look();
  EXPECT_FALSE(has_table(db, "users"));
}

TEST_F(RunnerTest, Upgrade_ExclusiveLockHeld_ReadsReportTheLockAndNoBackupIsLeft) {
  add("aaaa", {}, "-- WARNING: test\nCREATE TABLE t (id INTEGER);", "DROP TABLE t;");
  Runner runner = open_sqlite_runner(database(), {.lock_timeout = std::chrono::milliseconds(200)});
  auto other = look();
  other.execute("BEGIN EXCLUSIVE; CREATE TABLE other_t (x);");
  // Even reading the version table meets the lock: the message says so.
  const auto error = expect_throw<Error>([&] { (void)runner.upgrade(graph(), "head", reporter_); });
  EXPECT_NE(std::string(error.what()).find("is locked by another DbMigrate run; waited 0.2 s"),
            std::string::npos)
      << error.what();
  EXPECT_THROW((void)runner.current_heads(), Error);
  other.execute("ROLLBACK");
  EXPECT_EQ(listing(), (Ids{"app.db", "versions"}));
  EXPECT_EQ(runner.current_heads(), Ids{});
}

TEST_F(RunnerTest, Upgrade_InMemoryDatabase_NoBackup) {
  add("aaaa", {}, "-- WARNING: test\nCREATE TABLE t (id INTEGER);", "DROP TABLE t;");
  Runner runner = open_sqlite_runner(":memory:");
  EXPECT_EQ(runner.upgrade(graph(), "head", reporter_), Ids{"aaaa"});
  EXPECT_TRUE(reporter_.backups.empty());
}

TEST_F(RunnerTest, Upgrade_RebuildWithForeignKeysOff_KeepsCascadeChildren) {
  add("aaaa", {}, parent_and_children, "DROP TABLE child; DROP TABLE parent;");
  add("bbbb", {"aaaa"},
      "PRAGMA Foreign_Keys = off;\n"
      "CREATE TABLE parent_new (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '');\n"
      "INSERT INTO parent_new (id, name) SELECT id, coalesce(name, '') FROM parent;\n"
      "DROP TABLE parent;\n"
      "ALTER TABLE parent_new RENAME TO parent;",
      "SELECT 1;");
  // Enforcement is back on after the rebuild: this delete cascades.
  add("cccc", {"bbbb"}, "DELETE FROM parent WHERE id = 1;", "SELECT 1;");
  Runner runner = open_sqlite_runner(database());
  (void)runner.upgrade(graph(), "bbbb", reporter_);
  {
    auto db = look();
    EXPECT_EQ(column(db, "SELECT id FROM child ORDER BY id"), (Ids{"10", "20"}));
  }
  (void)runner.upgrade(graph(), "head", reporter_);
  auto db = look();
  EXPECT_EQ(column(db, "SELECT id FROM child ORDER BY id"), Ids{"20"});
}

TEST_F(RunnerTest, Upgrade_ForeignKeyCheckFails_RollsBackAndNamesTable) {
  add("aaaa", {}, parent_and_children, "DROP TABLE child; DROP TABLE parent;");
  add("bbbb", {"aaaa"},
      "PRAGMA foreign_keys=OFF;\nCREATE TABLE extra (id INTEGER);\n"
      "INSERT INTO child VALUES (30, 99);",
      "SELECT 1;");
  Runner runner = open_sqlite_runner(database());
  const auto error = expect_throw<Error>([&] { (void)runner.upgrade(graph(), "head", reporter_); });
  const std::string message = error.what();
  EXPECT_NE(message.find("'child'"), std::string::npos) << message;
  EXPECT_NE(message.find("bbbb"), std::string::npos) << message;
  auto db = look();
  EXPECT_FALSE(has_table(db, "extra"));
  EXPECT_EQ(column(db, "SELECT count(*) FROM child"), Ids{"2"});
  EXPECT_EQ(runner.current_heads(), Ids{"aaaa"});
}

TEST_F(RunnerTest, Upgrade_ConcurrentRunners_ApplyEachRevisionOnce) {
  for (int i = 0; i < 6; ++i) {
    const auto id = fmt::format("r{}", i);
    std::vector<std::string> parents;
    if (i > 0) parents.push_back(fmt::format("r{}", i - 1));
    add(id, parents,
        fmt::format("CREATE TABLE t{0} (id INTEGER);\n"
                    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < "
                    "20000) INSERT INTO t{0} SELECT x FROM c;",
                    i),
        fmt::format("DROP TABLE t{};", i));
  }
  { Runner create = open_sqlite_runner(database()); }
  const auto revisions = graph();
  std::vector<std::thread> threads;
  std::vector<std::string> failures(4);
  for (std::size_t t = 0; t < failures.size(); ++t) {
    threads.emplace_back([&, t] {
      try {
        RecordingReporter reporter;
        Runner runner = open_sqlite_runner(database());
        (void)runner.upgrade(revisions, "head", reporter);
      } catch (const std::exception& error) {
        failures[t] = error.what();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures, Ids(4));
  auto db = look();
  EXPECT_EQ(column(db,
                   "SELECT revision FROM dbmigrate_history WHERE direction = 'upgrade' "
                   "ORDER BY id"),
            (Ids{"r0", "r1", "r2", "r3", "r4", "r5"}));
  EXPECT_EQ(column(db, "SELECT count(*) FROM t5"), Ids{"20000"});
  EXPECT_EQ(column(db, "SELECT revision FROM dbmigrate_version"), Ids{"r5"});
}

TEST_F(RunnerTest, Upgrade_LockHeldByAnotherConnection_FailsWithClearMessage) {
  add("aaaa", {}, "CREATE TABLE users (id INTEGER);", "DROP TABLE users;");
  Runner runner = open_sqlite_runner(database(), {.lock_timeout = std::chrono::milliseconds(200)});
  auto other = look();
  other.execute("BEGIN IMMEDIATE");
  const auto start = std::chrono::steady_clock::now();
  const auto error = expect_throw<Error>([&] { (void)runner.upgrade(graph(), "head", reporter_); });
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(150));
  EXPECT_NE(std::string(error.what()).find("is locked by another DbMigrate run; waited 0.2 s"),
            std::string::npos)
      << error.what();
  other.execute("ROLLBACK");
  EXPECT_EQ(runner.upgrade(graph(), "head", reporter_), Ids{"aaaa"});
}

TEST_F(RunnerTest, Upgrade_RunnerKilledMidRevision_LeavesNoLockAndNothingApplied) {
  // A revision that never ends, so the child is surely inside its transaction when killed.
  add("aaaa", {},
      "CREATE TABLE half (x);\n"
      "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c;",
      "DROP TABLE half;");
  const auto revisions = graph();
  { Runner create = open_sqlite_runner(database()); }
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    try {
      RecordingReporter reporter;
      Runner runner = open_sqlite_runner(database());
      (void)runner.upgrade(revisions, "head", reporter);
    } catch (...) {
      _exit(1);  // never return into the test runner from the child
    }
    _exit(0);
  }
  // The child holds the write lock once BEGIN IMMEDIATE fails for anyone else.
  sqlite::Connection probe(database());
  bool locked = false;
  for (int attempt = 0; attempt < 1000 && !locked; ++attempt) {
    locked =
        sqlite3_exec(probe.handle(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_BUSY;
    if (!locked) {
      probe.execute("ROLLBACK");
      sqlite3_sleep(10);
    }
  }
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(locked);
  ASSERT_TRUE(WIFSIGNALED(status));

  Runner runner = open_sqlite_runner(database(), {.lock_timeout = std::chrono::milliseconds(500)});
  EXPECT_EQ(runner.current_heads(), Ids{});
  EXPECT_EQ(runner.stamp(revisions, "aaaa"), Ids{"aaaa"});  // takes the lock at once
  auto db = look();
  EXPECT_FALSE(has_table(db, "half"));
}

TEST_F(RunnerTest, Upgrade_LongRevision_ReportsRunningStatement) {
  add("aaaa", {},
      "CREATE TABLE t (id INTEGER);\n"
      "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 300000)\n"
      "  INSERT INTO t SELECT x FROM c;",
      "DROP TABLE t;");
  Runner runner = open_sqlite_runner(database(), {.progress_after = std::chrono::milliseconds(0),
                                                  .progress_interval = std::chrono::hours(1)});
  (void)runner.upgrade(graph(), "head", reporter_);
  EXPECT_TRUE(reporter_.progress_reports.empty());  // not asked for

  (void)runner.downgrade(graph(), "base", reporter_);
  reporter_.want_progress = true;
  (void)runner.upgrade(graph(), "head", reporter_);
  EXPECT_EQ(reporter_.progress_reports,
            Ids{"aaaa: WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x "
                "< 300000)"});
}

TEST_F(RunnerTest, Upgrade_LongRebuild_ReportsRowsCopied) {
  add("aaaa", {},
      "CREATE TABLE t (id INTEGER);\n"
      "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200000)\n"
      "  INSERT INTO t SELECT x FROM c;",
      "DROP TABLE t;");
  add("bbbb", {"aaaa"},
      "CREATE TABLE _dbmigrate_new_t (id BIGINT);\n"
      "INSERT INTO _dbmigrate_new_t (id) SELECT id FROM t;\n"
      "DROP TABLE t;\n"
      "ALTER TABLE _dbmigrate_new_t RENAME TO t;",
      "SELECT 1;");
  Runner runner =
      open_sqlite_runner(database(), {.progress_after = std::chrono::milliseconds(0),
                                      .progress_interval = std::chrono::milliseconds(0)});
  (void)runner.upgrade(graph(), "aaaa", reporter_);
  reporter_.want_progress = true;
  reporter_.progress_reports.clear();
  (void)runner.upgrade(graph(), "head", reporter_);
  bool counted = false;
  for (const auto& report : reporter_.progress_reports) {
    counted = counted || (report.starts_with("bbbb: INSERT INTO _dbmigrate_new_t") &&
                          report.find(" rows copied)") != std::string::npos);
  }
  EXPECT_TRUE(counted);
  // Counting left nothing behind, and every row arrived.
  sqlite::Connection db(database());
  EXPECT_EQ(db.query_int("SELECT count(*) FROM sqlite_temp_schema"), 0);
  EXPECT_EQ(db.query_int("SELECT count(*) FROM t"), 200000);
}

TEST(RunnerSection, RebuildCopyTarget_OnlyForTheRebuildsOwnTable) {
  EXPECT_EQ(sqlite::rebuild_copy_target(
                "insert  or abort into _dbmigrate_new_users (id) SELECT id FROM users;"),
            "_dbmigrate_new_users");
  EXPECT_EQ(sqlite::rebuild_copy_target(
                "INSERT OR REPLACE INTO _dbmigrate_new_users (id) SELECT id FROM users;"),
            "");
  EXPECT_EQ(
      sqlite::rebuild_copy_target("INSERT INTO _dbmigrate_new_users (id) SELECT id FROM users;"),
      "_dbmigrate_new_users");
  EXPECT_EQ(sqlite::rebuild_copy_target("  insert into \"_dbmigrate_new_a \"\"b\"\"\" SELECT 1"),
            "_dbmigrate_new_a \"b\"");
  EXPECT_EQ(sqlite::rebuild_copy_target("INSERT INTO users VALUES (1);"), "");
  EXPECT_EQ(sqlite::rebuild_copy_target("UPDATE _dbmigrate_new_users SET x = 1;"), "");
}

TEST(RunnerSection, ForeignKeysOff_AnyCaseAndSpacing) {
  EXPECT_TRUE(section_text::is_foreign_keys_off("PRAGMA foreign_keys = OFF;"));
  EXPECT_TRUE(section_text::is_foreign_keys_off("pragma FOREIGN_KEYS=off"));
  EXPECT_TRUE(section_text::is_foreign_keys_off("  -- rebuild\n  PRAGMA\tforeign_keys =0 ;"));
  EXPECT_FALSE(section_text::is_foreign_keys_off("PRAGMA foreign_keys = ON;"));
  EXPECT_FALSE(section_text::is_foreign_keys_off("PRAGMA foreign_key_check;"));
  EXPECT_TRUE(section_text::disables_foreign_keys("SELECT 1;\nPRAGMA foreign_keys=OFF;\n"));
  EXPECT_FALSE(section_text::disables_foreign_keys("-- PRAGMA foreign_keys=OFF is not needed\n"));
}

TEST(RunnerSection, TransactionControl_DetectedButSavepointsAllowed) {
  EXPECT_TRUE(sqlite::controls_transaction("BEGIN;"));
  EXPECT_TRUE(sqlite::controls_transaction("-- done\ncommit transaction;"));
  EXPECT_TRUE(sqlite::controls_transaction("END"));
  EXPECT_TRUE(sqlite::controls_transaction("ROLLBACK;"));
  EXPECT_TRUE(sqlite::controls_transaction("rollback transaction"));
  EXPECT_FALSE(sqlite::controls_transaction("ROLLBACK TO before_copy;"));
  EXPECT_FALSE(sqlite::controls_transaction("ROLLBACK TRANSACTION TO SAVEPOINT s;"));
  EXPECT_FALSE(sqlite::controls_transaction("SAVEPOINT s;"));
  EXPECT_FALSE(
      sqlite::controls_transaction("CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END;"));
}

TEST_F(RunnerTest, Upgrade_SectionCommits_RefusedBeforeAnythingIsCommitted) {
  add("aaaa", {}, "CREATE TABLE first (id INTEGER);\nCOMMIT;\nCREATE TABLE second (x);",
      "SELECT 1;");
  Runner runner = open_sqlite_runner(database());
  const auto error = expect_throw<Error>([&] { (void)runner.upgrade(graph(), "head", reporter_); });
  EXPECT_NE(std::string(error.what()).find("'COMMIT;'"), std::string::npos) << error.what();
  auto db = look();
  EXPECT_FALSE(has_table(db, "first"));
  EXPECT_EQ(runner.current_heads(), Ids{});
}

TEST(RunnerSection, LinesAndMarkers) {
  const std::string_view sql = "-- c\n/* a\nb */ SELECT 1;\n\nSELECT 2;";
  const auto first = section_text::skip_blanks_and_comments(sql, 0);
  EXPECT_EQ(sql.substr(first, 8), "SELECT 1");
  EXPECT_EQ(section_text::line_of(sql, first, 10), 12);
  EXPECT_EQ(section_text::line_of(sql, sql.find("SELECT 2"), 10), 14);
  EXPECT_TRUE(section_text::is_destructive("  -- WARNING: drops table x\nDROP TABLE x;"));
  EXPECT_FALSE(section_text::is_destructive("-- CAUTION: new unique index\nSELECT 1;"));
}

}  // namespace
}  // namespace dbmigrate::testing
