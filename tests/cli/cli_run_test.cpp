// Running revisions through the binary: a failing statement rolls its revision back whole, and
// two upgrades started together apply each revision once.
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "cli_fixture.hpp"
#include "dialect/sqlite/connection.hpp"

namespace dbmigrate::cli_test {
namespace {

using Lines = std::vector<std::string>;

TEST_F(Cli, Upgrade_FailingThirdStatementAppliesNothingOfItsRevision) {
  ASSERT_EQ(run("init").code, 0);
  write_revision("111111111111", "", "one", "CREATE TABLE one (id INTEGER);", "DROP TABLE one;");
  // Lines 7, 8 and 9 of the file: the third statement names a table that does not exist.
  write_revision(
      "222222222222", "111111111111", "two",
      "CREATE TABLE a (id INTEGER);\nCREATE TABLE b (id INTEGER);\nINSERT INTO nowhere VALUES (1);",
      "DROP TABLE b;\nDROP TABLE a;");
  ASSERT_EQ(run("upgrade 1111 --url sqlite:///app.db").code, 0);
  const auto history_before = query("app.db", "SELECT * FROM dbmigrate_history ORDER BY id");
  const FolderState migrations_before = state();

  auto failed = run("upgrade --url sqlite:///app.db");
  EXPECT_EQ(failed.code, 1) << failed.text();
  EXPECT_EQ(failed.lines(), (Lines{"Running upgrade 111111111111 -> 222222222222, two"}));
  EXPECT_TRUE(contains(
      failed.err,
      "migrations/versions/222222222222_two.sql:9: statement 'INSERT INTO nowhere VALUES (1);' "
      "failed: no such table: nowhere"))
      << failed.err;
  EXPECT_TRUE(contains(failed.err, "rolled back")) << failed.err;
  EXPECT_EQ(tables("app.db"), Lines{"one"});
  EXPECT_EQ(version("app.db"), Lines{"111111111111"});
  EXPECT_EQ(query("app.db", "SELECT * FROM dbmigrate_history ORDER BY id"), history_before);
  EXPECT_EQ(run("current --url sqlite:///app.db").lines(), (Lines{"111111111111, one"}));
  // The revision files are untouched; only the database may differ.
  FolderState after = state();
  after.erase("app.db");
  FolderState expected = migrations_before;
  expected.erase("app.db");
  EXPECT_EQ(after, expected);
}

TEST_F(Cli, Upgrade_FailingDowngradeStatementKeepsTheRevisionApplied) {
  ASSERT_EQ(run("init").code, 0);
  write_revision("111111111111", "", "one",
                 "CREATE TABLE one (id INTEGER);\nCREATE TABLE two (id INTEGER);",
                 "DROP TABLE two;\nDROP TABLE nowhere;");
  ASSERT_EQ(run("upgrade --url sqlite:///app.db").code, 0);
  auto failed = run("downgrade --url sqlite:///app.db");
  EXPECT_EQ(failed.code, 1) << failed.text();
  EXPECT_TRUE(contains(failed.err, "migrations/versions/111111111111_one.sql:12:")) << failed.err;
  EXPECT_EQ(tables("app.db"), (Lines{"one", "two"}));
  EXPECT_EQ(version("app.db"), Lines{"111111111111"});
}

// Twenty revisions, each doing enough work that two runners overlap.
// A run killed inside its transaction (or one whose rollback met a full disk) leaves a hot
// journal. `current` still reports the revision, rolling the journal back as SQLite does on
// any read-write open, and the half-done work is gone.
TEST_F(Cli, Current_AfterARunKilledMidTransaction_RollsBackAndReports) {
  ASSERT_EQ(run("init").code, 0);
  write_revision("111111111111", "", "one", "CREATE TABLE one (id INTEGER, v TEXT);", "DROP TABLE one;");
  ASSERT_EQ(run("upgrade --url sqlite:///app.db").code, 0);
  const auto database = (dir_ / "app.db").string();
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {  // writes far past the page cache inside a transaction, then dies
    sqlite::Connection db(database);
    db.execute("PRAGMA cache_size = 2; BEGIN IMMEDIATE;");
    db.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) "
               "INSERT INTO one SELECT i, printf('%0200d', i) FROM n;");
    db.execute("DELETE FROM dbmigrate_version;");
    ::_exit(0);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(std::filesystem::exists(database + "-journal"));

  const auto current = run("current --url sqlite:///app.db");
  EXPECT_EQ(current.code, 0) << current.text();
  EXPECT_EQ(current.lines(), (Lines{"111111111111 (head), one"}));
  EXPECT_EQ(query("app.db", "SELECT count(*) FROM one"), std::vector<Lines>{{"0"}});
}

TEST_F(Cli, Upgrade_TwoConcurrentRunsApplyEachRevisionOnce) {
  ASSERT_EQ(run("init").code, 0);
  std::string parent;
  Lines ids;
  for (int i = 1; i <= 20; ++i) {
    const std::string id = fmt::format("c{:011}", i);
    write_revision(
        id, parent, fmt::format("step{}", i),
        fmt::format("CREATE TABLE t{0} (id INTEGER);\nINSERT INTO t{0} WITH RECURSIVE c(x) AS "
                    "(SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 20000) SELECT x FROM c;",
                    i),
        fmt::format("DROP TABLE t{};", i));
    ids.push_back(id);
    parent = id;
  }
  const std::string upgrade =
      "env -u DATABASE_URL '" DBMIGRATE_CLI "' upgrade --url sqlite:///app.db";
  auto both = shell("(" + upgrade + " > ../a.txt 2>&1; echo $? > ../a.rc) & (" + upgrade +
                    " > ../b.txt 2>&1; echo $? > ../b.rc) & wait");
  ASSERT_EQ(both.code, 0) << both.text();
  const std::string a = read_file(root_ / "a.txt");
  const std::string b = read_file(root_ / "b.txt");
  EXPECT_EQ(read_file(root_ / "a.rc"), "0\n") << a;
  EXPECT_EQ(read_file(root_ / "b.rc"), "0\n") << b;

  EXPECT_EQ(
      column("app.db",
             "SELECT revision FROM dbmigrate_history WHERE direction = 'upgrade' ORDER BY id"),
      ids);
  EXPECT_EQ(version("app.db"), Lines{ids.back()});
  EXPECT_EQ(column("app.db", "SELECT count(*) FROM t20"), Lines{"20000"});
  // Between them, the two printed each "Running upgrade" once.
  std::size_t running = 0;
  for (const auto* text : {&a, &b}) {
    for (auto at = text->find("Running upgrade"); at != std::string::npos;
         at = text->find("Running upgrade", at + 1)) {
      ++running;
    }
  }
  EXPECT_EQ(running, 20u) << a << "\n----\n" << b;
}

}  // namespace
}  // namespace dbmigrate::cli_test
