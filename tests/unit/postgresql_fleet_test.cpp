// Several `dbmigrate upgrade` processes against one server database, as a fleet of deploys
// starts them: each revision is applied once; and a runner killed while it holds the run lock
// leaves the database unlocked and its revision unrecorded.
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "dialect/postgresql/connection.hpp"
#include "unit/postgresql_run_fixture.hpp"

extern char** environ;

namespace dbmigrate {
namespace {

using postgresql::Connection;
using std::chrono::steady_clock;

class PgFleet : public PgRun {
 protected:
  // `dbmigrate upgrade` started in the background, its output into `log`; the process's id.
  pid_t start_upgrade(const fs::path& log) {
    const std::string command = "exec env DATABASE_URL='" + url_ + "' " DBMIGRATE_CLI " --dir '" +
                                (dir_ / "migrations").string() + "' upgrade > '" + log.string() +
                                "' 2>&1";
    const char* argv[] = {"/bin/sh", "-c", command.c_str(), nullptr};
    pid_t pid = 0;
    EXPECT_EQ(::posix_spawn(&pid, "/bin/sh", nullptr, nullptr, const_cast<char**>(argv), environ),
              0);
    return pid;
  }
  static int exit_status(pid_t pid) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  static std::string read_log(const fs::path& log) {
    std::ifstream in(log);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }
};

TEST_F(PgFleet, EightUpgradesAtOnce_EachRevisionAppliedOnce) {
  const std::vector<std::string> ids = {"aaaaaaaaaaaa", "bbbbbbbbbbbb", "cccccccccccc",
                                        "dddddddddddd", "eeeeeeeeeeee"};
  write(version_file("aaaaaaaaaaaa_1.sql"),
        revision(ids[0], "", "CREATE TABLE t1 (id integer PRIMARY KEY);\nSELECT pg_sleep(0.2);\n",
                 "DROP TABLE t1;\n"));
  // Applied twice, this one fails: the row exists.
  write(version_file("bbbbbbbbbbbb_2.sql"),
        revision(ids[1], ids[0], "INSERT INTO t1 VALUES (1);\nSELECT pg_sleep(0.2);\n",
                 "DELETE FROM t1;\n"));
  auto concurrently = revision(ids[2], ids[1], "CREATE INDEX CONCURRENTLY ix_t1 ON t1 (id);\n",
                               "DROP INDEX CONCURRENTLY ix_t1;\n");
  concurrently.insert(concurrently.find("\n\n-- migrate:upgrade") + 1,
                      "-- Upgrade Transaction: none\n-- Downgrade Transaction: none\n");
  write(version_file("cccccccccccc_3.sql"), concurrently);
  write(version_file("dddddddddddd_4.sql"),
        revision(ids[3], ids[2], "ALTER TABLE t1 ADD COLUMN name text;\n",
                 "ALTER TABLE t1 DROP COLUMN name;\n"));
  write(version_file("eeeeeeeeeeee_5.sql"),
        revision(ids[4], ids[3], "CREATE TABLE t5 (id integer REFERENCES t1 (id));\n",
                 "DROP TABLE t5;\n"));

  std::vector<pid_t> runners;
  for (int i = 0; i < 8; ++i) runners.push_back(start_upgrade(dir_ / ("run" + std::to_string(i))));
  int applied = 0;
  for (int i = 0; i < 8; ++i) {
    EXPECT_EQ(exit_status(runners[i]), 0) << read_log(dir_ / ("run" + std::to_string(i)));
    const auto log = read_log(dir_ / ("run" + std::to_string(i)));
    for (std::size_t at = log.find("Running upgrade"); at != std::string::npos;
         at = log.find("Running upgrade", at + 1))
      ++applied;
  }
  EXPECT_EQ(applied, 5);  // each revision reported by the one runner that applied it

  Connection db(url_);
  EXPECT_EQ(db.query_value("SELECT string_agg(revision, ',') FROM dbmigrate_version"), ids[4]);
  EXPECT_EQ(db.query_value("SELECT string_agg(revision || ':' || direction, ',' ORDER BY id) "
                           "FROM dbmigrate_history"),
            "aaaaaaaaaaaa:upgrade,bbbbbbbbbbbb:upgrade,cccccccccccc:upgrade,dddddddddddd:upgrade,"
            "eeeeeeeeeeee:upgrade");
  EXPECT_EQ(db.query_value("SELECT count(*) FROM t1"), "1");
  EXPECT_EQ(db.query_value("SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute "
                           "WHERE attrelid = 't1'::regclass AND attnum > 0"),
            "id,name");
  EXPECT_EQ(db.query_value("SELECT indisvalid::text FROM pg_index WHERE indexrelid = "
                           "'ix_t1'::regclass"),
            "true");
  EXPECT_EQ(db.query_value("SELECT to_regclass('t5')::text"), "t5");
}

TEST_F(PgFleet, KilledWhileHoldingTheLock_NextUpgradeRunsPromptlyAndTheRevisionIsNotRecorded) {
  write(version_file("aaaaaaaaaaaa_1.sql"),
        revision("aaaaaaaaaaaa", "", "CREATE TABLE t1 (id integer);\n", "DROP TABLE t1;\n"));
  const auto second = version_file("bbbbbbbbbbbb_2.sql");
  write(second, revision("bbbbbbbbbbbb", "aaaaaaaaaaaa",
                         "CREATE TABLE marker (id integer);\nSELECT pg_sleep(30);\n",
                         "DROP TABLE marker;\n"));
  const pid_t killed = start_upgrade(dir_ / "killed");

  // Until the runner sleeps inside the second revision, holding the advisory lock.
  Connection db(url_);
  const auto sleeping = [&] {
    return db.query_value(
               "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT "
               "pg_sleep(30)%' AND state = 'active'") == "1" &&
           db.query_value(
               "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND "
               "granted") == "1";
  };
  const auto deadline = steady_clock::now() + std::chrono::seconds(30);
  while (!sleeping() && steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  ASSERT_TRUE(sleeping()) << read_log(dir_ / "killed");
  ASSERT_EQ(::kill(killed, SIGKILL), 0);
  EXPECT_EQ(exit_status(killed), -1);
  EXPECT_EQ(db.query_value("SELECT string_agg(revision, ',') FROM dbmigrate_history"),
            "aaaaaaaaaaaa");

  // The file is fixed before the next run; a run the lock kept waiting would take 30 s.
  write(second, revision("bbbbbbbbbbbb", "aaaaaaaaaaaa", "CREATE TABLE marker (id integer);\n",
                         "DROP TABLE marker;\n"));
  const auto start = steady_clock::now();
  const auto up = cli("upgrade --lock-timeout 20");
  const auto took = steady_clock::now() - start;
  ASSERT_EQ(up.status, 0) << up.text;
  EXPECT_LT(took, std::chrono::seconds(10)) << up.text;
  // The killed run had applied the first revision only; the second is applied by this run.
  EXPECT_EQ(up.text.find("-> aaaaaaaaaaaa,"), std::string::npos) << up.text;
  EXPECT_NE(up.text.find("Running upgrade aaaaaaaaaaaa -> bbbbbbbbbbbb"), std::string::npos)
      << up.text;
  EXPECT_EQ(db.query_value("SELECT string_agg(revision || ':' || direction, ',' ORDER BY id) "
                           "FROM dbmigrate_history"),
            "aaaaaaaaaaaa:upgrade,bbbbbbbbbbbb:upgrade");
  EXPECT_EQ(db.query_value("SELECT revision FROM dbmigrate_version"), "bbbbbbbbbbbb");
}

}  // namespace
}  // namespace dbmigrate
