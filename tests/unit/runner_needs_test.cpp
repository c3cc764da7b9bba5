// What a revision needs of the runner (foreign keys off, a backup first, its dialect): read from
// its headers when it has them (docs/cli.md, "Revision headers"), from its SQL as before when it
// was written without them.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "dbmigrate/error.hpp"
#include "revision_builder.hpp"
#include "runner_fixture.hpp"

namespace dbmigrate::testing {
namespace {

using Headers = std::vector<HeaderField>;

constexpr const char* parent_and_children =
    "CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT);\n"
    "CREATE TABLE child (id INTEGER PRIMARY KEY,\n"
    "  parent_id INTEGER NOT NULL REFERENCES parent (id) ON DELETE CASCADE);\n"
    "INSERT INTO parent VALUES (1, 'one'), (2, 'two');\n"
    "INSERT INTO child VALUES (10, 1), (20, 2);";

// A rebuild of `parent` without the `PRAGMA foreign_keys=OFF;` line: with enforcement on, its
// DROP TABLE deletes the children (ON DELETE CASCADE).
constexpr const char* parent_rebuild =
    "CREATE TABLE _dbmigrate_new_parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '');\n"
    "INSERT OR ABORT INTO _dbmigrate_new_parent (id, name) SELECT id, coalesce(name, '') FROM "
    "parent;\n"
    "DROP TABLE parent;\n"
    "ALTER TABLE _dbmigrate_new_parent RENAME TO parent;";

class RunnerNeeds : public RunnerTest {
 protected:
  void add_with_headers(const std::string& id, std::vector<std::string> parents,
                        const std::string& upgrade, const std::string& downgrade, Headers headers) {
    Revision revision{.id = id,
                      .parents = std::move(parents),
                      .create_date = "2026-11-24 10:00:00+00:00",
                      .message = "step",
                      .headers = std::move(headers),
                      .upgrade_sql = upgrade,
                      .downgrade_sql = downgrade};
    write_file_atomically(versions() / revision_filename(id, "step"), format_revision(revision));
  }

  // The revision files migrate wrote before the needs headers existed, as they were written.
  void copy_revisions_written_before_the_headers() {
    const std::filesystem::path fixtures =
        std::filesystem::path(DBMIGRATE_TEST_DATA) / "revisions" / "before_needs_headers";
    for (const auto& entry : std::filesystem::directory_iterator(fixtures)) {
      if (entry.path().extension() == ".sql") {
        std::filesystem::copy_file(entry.path(), versions() / entry.path().filename());
      }
    }
  }
};

TEST_F(RunnerNeeds, HeaderSaysDestructive_BackedUpThoughTheSqlCarriesNoWarning) {
  add("aaaa", {}, "CREATE TABLE users (id INTEGER);\nINSERT INTO users VALUES (1), (2);",
      "DROP TABLE users;");
  Runner runner = open_sqlite_runner(database());
  (void)runner.upgrade(graph(), "head", reporter_);
  EXPECT_TRUE(reporter_.backups.empty());

  add_with_headers("bbbb", {"aaaa"}, "DROP TABLE users;", "CREATE TABLE users (id INTEGER);",
                   {{"Dialect", "sqlite"}, {"Upgrade Destructive", "yes"}});
  (void)runner.upgrade(graph(), "head", reporter_);
  ASSERT_EQ(reporter_.backups.size(), 1U);
  sqlite::Connection saved(reporter_.backups.front().string());
  EXPECT_EQ(column(saved, "SELECT count(*) FROM users"), Ids{"2"});
  auto db = look();
  EXPECT_FALSE(has_table(db, "users"));
}

TEST_F(RunnerNeeds, RevisionWithHeaders_AWarningCommentAloneBacksNothingUp) {
  add("aaaa", {}, "CREATE TABLE users (id INTEGER);", "DROP TABLE users;");
  Runner runner = open_sqlite_runner(database());
  (void)runner.upgrade(graph(), "head", reporter_);
  add_with_headers("bbbb", {"aaaa"},
                   "-- WARNING: a note a person wrote, not a destructive change\n"
                   "CREATE TABLE t (id INTEGER);",
                   "DROP TABLE t;", {{"Dialect", "sqlite"}, {"Downgrade Destructive", "yes"}});
  (void)runner.upgrade(graph(), "head", reporter_);
  EXPECT_TRUE(reporter_.backups.empty());
  // The downgrade says it is destructive: backed up.
  (void)runner.downgrade(graph(), "-1", reporter_);
  EXPECT_EQ(reporter_.backups.size(), 1U);
}

TEST_F(RunnerNeeds, HeaderSaysForeignKeysOff_RebuildWithoutThePragmaKeepsTheChildren) {
  add("aaaa", {}, parent_and_children, "DROP TABLE child; DROP TABLE parent;");
  add_with_headers("bbbb", {"aaaa"}, parent_rebuild, "SELECT 1;",
                   {{"Dialect", "sqlite"}, {"Upgrade Foreign Keys", "off"}});
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
  // The --sql script switches them off around the revision too.
  const auto script = render_upgrade_sql(graph(), {"aaaa"}, "bbbb");
  EXPECT_NE(script.find("PRAGMA foreign_keys = OFF;\nBEGIN IMMEDIATE;"), std::string::npos)
      << script;
}

TEST_F(RunnerNeeds, RevisionWithHeaders_HandWrittenPragmaStillSwitchesForeignKeysOff) {
  add("aaaa", {}, parent_and_children, "DROP TABLE child; DROP TABLE parent;");
  add_with_headers("bbbb", {"aaaa"}, std::string("PRAGMA foreign_keys=OFF;\n") + parent_rebuild,
                   "SELECT 1;", {{"Dialect", "sqlite"}});
  (void)open_sqlite_runner(database()).upgrade(graph(), "head", reporter_);
  auto db = look();
  EXPECT_EQ(column(db, "SELECT id FROM child ORDER BY id"), (Ids{"10", "20"}));
}

TEST_F(RunnerNeeds, RevisionForAnotherDialect_RefusedBeforeAnythingRuns) {
  add("aaaa", {}, "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
  add_with_headers("bbbb", {"aaaa"}, "CREATE TABLE b (id SERIAL PRIMARY KEY);", "DROP TABLE b;",
                   {{"Dialect", "postgresql"}});
  Runner runner = open_sqlite_runner(database());
  const auto error = expect_throw<Error>([&] { (void)runner.upgrade(graph(), "head", reporter_); });
  EXPECT_EQ(error.kind(), ErrorKind::input);
  const std::string message = error.what();
  EXPECT_NE(message.find("revision bbbb ("), std::string::npos) << message;
  EXPECT_NE(message.find("bbbb_step.sql"), std::string::npos) << message;
  EXPECT_NE(message.find("generated for postgresql, not for sqlite"), std::string::npos) << message;
  EXPECT_NE(message.find("nothing was run"), std::string::npos) << message;
  auto db = look();
  EXPECT_FALSE(has_table(db, "a"));
  EXPECT_FALSE(has_table(db, "dbmigrate_version"));
  EXPECT_TRUE(reporter_.lines.empty());
  EXPECT_THROW((void)render_upgrade_sql(graph(), {}, "head"), Error);
}

TEST_F(RunnerNeeds, RevisionForThisDialect_Runs) {
  add_with_headers("aaaa", {}, "CREATE TABLE a (id INTEGER);", "DROP TABLE a;",
                   {{"Dialect", "sqlite"}});
  EXPECT_EQ(open_sqlite_runner(database()).upgrade(graph(), "head", reporter_), Ids{"aaaa"});
}

TEST_F(RunnerNeeds, RevisionsWrittenBeforeTheHeaders_UpgradeDowngradeAndBackUpAsBefore) {
  copy_revisions_written_before_the_headers();
  Runner runner = open_sqlite_runner(database());
  (void)runner.upgrade(graph(), "c4ead83f01e0", reporter_);
  look().execute(
      "INSERT INTO parent VALUES (1, 'one'), (2, 'two');"
      "INSERT INTO child VALUES (10, 1, 'a'), (20, 2, 'b');");

  // The rebuild of parent runs with foreign keys off (its PRAGMA line): no child is deleted.
  // Dropping child.note carries a WARNING: the database is backed up first, once.
  (void)runner.upgrade(graph(), "head", reporter_);
  EXPECT_EQ(runner.current_heads(), Ids{"88a7de2eaff6"});
  ASSERT_EQ(reporter_.backups.size(), 1U);
  {
    sqlite::Connection saved(reporter_.backups.front().string());
    EXPECT_EQ(column(saved, "SELECT note FROM child ORDER BY id"), (Ids{"a", "b"}));
    auto db = look();
    EXPECT_EQ(column(db, "SELECT id FROM child ORDER BY id"), (Ids{"10", "20"}));
    EXPECT_EQ(column(db, "SELECT \"notnull\" FROM pragma_table_info('parent') WHERE name = 'name'"),
              Ids{"1"});
  }

  // Down through the rebuild again: children kept, no backup (nothing destructive).
  (void)runner.downgrade(graph(), "c4ead83f01e0", reporter_);
  EXPECT_EQ(reporter_.backups.size(), 1U);
  {
    auto db = look();
    EXPECT_EQ(column(db, "SELECT id FROM child ORDER BY id"), (Ids{"10", "20"}));
  }
  // Down to base drops the tables (WARNING in the downgrade): backed up first.
  (void)runner.downgrade(graph(), "base", reporter_);
  EXPECT_EQ(reporter_.backups.size(), 2U);
  auto db = look();
  EXPECT_FALSE(has_table(db, "parent"));

  // The --sql script of the rebuild switches foreign keys off around it, as before.
  const auto script = render_upgrade_sql(graph(), {"c4ead83f01e0"}, "d35d38c3e610");
  EXPECT_NE(script.find("PRAGMA foreign_keys = OFF;\nBEGIN IMMEDIATE;"), std::string::npos)
      << script;
}

TEST_F(RunnerNeeds, RebuildNamedByItsHeaders_ReportsRowsCopied) {
  add("aaaa", {},
      "CREATE TABLE t (id INTEGER);\n"
      "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200000)\n"
      "  INSERT INTO t SELECT x FROM c;",
      "DROP TABLE t;");
  add_with_headers(
      "bbbb", {"aaaa"},
      "CREATE TABLE _dbmigrate_new_t (id BIGINT);\n"
      "INSERT INTO _dbmigrate_new_t (id) SELECT id FROM t;\n"
      "DROP TABLE t;\n"
      "ALTER TABLE _dbmigrate_new_t RENAME TO t;",
      "SELECT 1;",
      {{"Dialect", "sqlite"}, rebuild_header("upgrade", {.table = "t", .columns = {"id"}})});
  Runner runner =
      open_sqlite_runner(database(), {.progress_after = std::chrono::milliseconds(0),
                                      .progress_interval = std::chrono::milliseconds(0)});
  (void)runner.upgrade(graph(), "aaaa", reporter_);
  reporter_.want_progress = true;
  (void)runner.upgrade(graph(), "head", reporter_);
  bool counted = false;
  for (const auto& report : reporter_.progress_reports) {
    counted = counted || (report.starts_with("bbbb: INSERT INTO _dbmigrate_new_t") &&
                          report.find(" rows copied)") != std::string::npos);
  }
  EXPECT_TRUE(counted);
  sqlite::Connection db(database());
  EXPECT_EQ(db.query_int("SELECT count(*) FROM sqlite_temp_schema"), 0);
  EXPECT_EQ(db.query_int("SELECT count(*) FROM t"), 200000);
}

// SQLite's VACUUM refuses to run inside a transaction: `Transaction: none` runs it alone.
TEST_F(RunnerNeeds, TransactionNone_VacuumRunsAndTheRevisionIsRecorded) {
  add("aaaa", {}, "CREATE TABLE t (id INTEGER);\nINSERT INTO t VALUES (1);", "DROP TABLE t;");
  add_with_headers("bbbb", {"aaaa"}, "INSERT INTO t VALUES (2);\nVACUUM;", "DELETE FROM t;",
                   {{"Upgrade Transaction", "none"}});
  Runner runner = open_sqlite_runner(database());
  EXPECT_EQ(runner.upgrade(graph(), "head", reporter_), Ids{"bbbb"});
  auto db = look();
  EXPECT_EQ(column(db, "SELECT id FROM t ORDER BY id"), (Ids{"1", "2"}));
  EXPECT_EQ(column(db, "SELECT revision || ':' || direction FROM dbmigrate_history ORDER BY id"),
            (Ids{"aaaa:upgrade", "bbbb:upgrade"}));
  // The --sql script runs those statements before the revision's transaction, which holds only
  // its version rows.
  const auto script = render_upgrade_sql(graph(), {"aaaa"}, "bbbb");
  EXPECT_NE(script.find("INSERT INTO t VALUES (2);\nVACUUM;\nBEGIN IMMEDIATE;\n"),
            std::string::npos)
      << script;
}

TEST_F(RunnerNeeds, VacuumWithoutTheHeader_FailsNamingTheHeaderToAdd) {
  add("aaaa", {}, "CREATE TABLE t (id INTEGER);", "DROP TABLE t;");
  add("bbbb", {"aaaa"}, "CREATE TABLE u (id INTEGER);\nVACUUM;", "DROP TABLE u;");
  Runner runner = open_sqlite_runner(database());
  const auto error =
      expect_throw<DatabaseError>([&] { (void)runner.upgrade(graph(), "head", reporter_); });
  const std::string message = error.what();
  EXPECT_NE(message.find("add the header line '-- Upgrade Transaction: none'"), std::string::npos)
      << message;
  EXPECT_NE(message.find("upgrade bbbb was rolled back"), std::string::npos) << message;
  auto db = look();
  EXPECT_FALSE(has_table(db, "u"));
  EXPECT_EQ(column(db, "SELECT revision FROM dbmigrate_version"), Ids{"aaaa"});
}

TEST_F(RunnerNeeds, TransactionNone_FailureKeepsTheStatementsBeforeItAndSaysSo) {
  add("aaaa", {}, "CREATE TABLE t (id INTEGER);", "DROP TABLE t;");
  add_with_headers("bbbb", {"aaaa"},
                   "CREATE TABLE kept (id INTEGER);\nINSERT INTO missing VALUES (1);",
                   "DROP TABLE kept;", {{"Dialect", "sqlite"}, {"Upgrade Transaction", "none"}});
  Runner runner = open_sqlite_runner(database());
  const auto error =
      expect_throw<DatabaseError>([&] { (void)runner.upgrade(graph(), "head", reporter_); });
  const std::string message = error.what();
  EXPECT_NE(message.find("bbbb_step.sql:"), std::string::npos) << message;
  EXPECT_NE(message.find("statement 'INSERT INTO missing VALUES (1);' failed: no such table"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("runs outside a transaction ('-- Upgrade Transaction: none'), so the "
                         "statements before this one in it stay applied"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("upgrade bbbb is not recorded in the version table"), std::string::npos)
      << message;
  auto db = look();
  EXPECT_TRUE(has_table(db, "kept"));
  EXPECT_EQ(column(db, "SELECT revision FROM dbmigrate_version"), Ids{"aaaa"});
  EXPECT_EQ(column(db, "SELECT revision FROM dbmigrate_history ORDER BY id"), Ids{"aaaa"});
}

}  // namespace
}  // namespace dbmigrate::testing
