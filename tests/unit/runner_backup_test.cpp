// The backup before a destructive run: taken under the write lock, so that it is the state the
// run's change starts from, whoever else runs at the same time; never written over a file.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <ctime>
#include <filesystem>
#include <mutex>
#include <thread>

#include "revision_builder.hpp"
#include "runner_fixture.hpp"

namespace dbmigrate::testing {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// A reporter that lets a test wait for a backup.
class WaitingReporter : public RecordingReporter {
 public:
  void backup_written(const fs::path& backup) override {
    RecordingReporter::backup_written(backup);
    const std::lock_guard lock(mutex_);
    ++written_;
    written_cv_.notify_all();
  }
  // Waits until `count` backups were written or `timeout` passed; the number written.
  int wait_for_backups(int count, std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    written_cv_.wait_for(lock, timeout, [&] { return written_ >= count; });
    return written_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable written_cv_;
  int written_ = 0;
};

class RunnerBackup : public RunnerTest {
 protected:
  // aaaa: users with an email column and data; bbbb: drops the column (destructive).
  void SetUp() override {
    RunnerTest::SetUp();
    add("aaaa", {},
        "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);\n"
        "INSERT INTO users VALUES (1, 'one@example.com');",
        "DROP TABLE users;", "add users");
    Runner runner = open_sqlite_runner(database());
    (void)runner.upgrade(graph(), "head", reporter_);
    add("bbbb", {"aaaa"},
        "-- WARNING: drops column 'users.email' and its data\n"
        "ALTER TABLE users DROP COLUMN email;",
        "ALTER TABLE users ADD COLUMN email TEXT;", "drop email");
  }

  static Ids emails(const fs::path& database) {
    sqlite::Connection db(database.string());
    return column(db, "SELECT email FROM users ORDER BY id");
  }
};

// The issue this prevents: a backup taken before the lock misses what another connection
// commits while the run waits for it, and that data then exists nowhere once the column is
// dropped. The other connection writes a row and holds the lock; it commits once the run has
// written its backup, or after a second, when the run is waiting for the lock instead.
TEST_F(RunnerBackup, Upgrade_RowsCommittedWhileWaitingForTheLock_AreInTheBackup) {
  auto other = look();
  other.execute("BEGIN IMMEDIATE; INSERT INTO users VALUES (2, 'late@example.com');");
  WaitingReporter reporter;
  std::thread upgrade([&] {
    Runner runner = open_sqlite_runner(database());
    (void)runner.upgrade(graph(), "head", reporter);
  });
  (void)reporter.wait_for_backups(1, 1000ms);
  other.execute("COMMIT");
  upgrade.join();

  ASSERT_EQ(reporter.backups.size(), 1U);
  EXPECT_EQ(emails(reporter.backups.front()), (Ids{"one@example.com", "late@example.com"}));
  auto db = look();
  EXPECT_EQ(column(db, "SELECT count(*) FROM pragma_table_info('users') WHERE name = 'email'"),
            Ids{"0"});
  EXPECT_EQ(column(db, "SELECT revision FROM dbmigrate_version"), Ids{"bbbb"});
}

// Two upgraders started together (two replicas at deploy time) plan the same destructive
// revision while a third connection holds the lock. The one that applies it backs up first;
// the other finds it applied and neither applies nor backs up anything.
TEST_F(RunnerBackup, Upgrade_TwoRunnersTogether_TheOneThatAppliesBacksUpThePreviousState) {
  auto other = look();
  other.execute("BEGIN IMMEDIATE");
  WaitingReporter first_reporter;
  WaitingReporter second_reporter;
  const auto upgrade = [&](Reporter& reporter) {
    Runner runner = open_sqlite_runner(database());
    (void)runner.upgrade(graph(), "head", reporter);
  };
  std::thread first([&] { upgrade(first_reporter); });
  std::thread second([&] { upgrade(second_reporter); });
  // Both have planned and wait for the lock (or, taking backups before the lock, wrote them).
  (void)first_reporter.wait_for_backups(1, 1000ms);
  (void)second_reporter.wait_for_backups(1, 1000ms);
  other.execute("ROLLBACK");
  first.join();
  second.join();

  std::vector<fs::path> backups = first_reporter.backups;
  backups.insert(backups.end(), second_reporter.backups.begin(), second_reporter.backups.end());
  ASSERT_EQ(backups.size(), 1U);
  EXPECT_EQ(emails(backups.front()), Ids{"one@example.com"});
  auto db = look();
  EXPECT_EQ(column(db, "SELECT revision || ' ' || direction FROM dbmigrate_history ORDER BY id"),
            (Ids{"aaaa upgrade", "bbbb upgrade"}));
}

// `<file>.backup-<UTC yyyymmddThhmmssZ>` for `at`.
std::string backup_name(std::chrono::system_clock::time_point at) {
  const std::time_t time = std::chrono::system_clock::to_time_t(at);
  std::tm utc{};
  gmtime_r(&time, &utc);
  return fmt::format("app.db.backup-{:04}{:02}{:02}T{:02}{:02}{:02}Z", utc.tm_year + 1900,
                     utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
}

// The backup's names for this second and the next are taken: the first by a file, the second
// (`-2`) by a link to a file that does not exist. Nothing is written to or through them.
TEST_F(RunnerBackup, Upgrade_BackupNameTaken_NeverWritesOverOrThroughIt) {
  const auto now = std::chrono::system_clock::now();
  for (int second = 0; second < 2; ++second) {
    const auto name = backup_name(now + std::chrono::seconds(second));
    write(name, "precious");
    fs::create_symlink(dir_ / fmt::format("elsewhere{}.db", second), dir_ / (name + "-2"));
  }

  Runner runner = open_sqlite_runner(database());
  (void)runner.upgrade(graph(), "head", reporter_);
  ASSERT_EQ(reporter_.backups.size(), 1U);
  const auto backup = reporter_.backups.front();
  for (int second = 0; second < 2; ++second) {
    EXPECT_EQ(read(dir_ / backup_name(now + std::chrono::seconds(second))), "precious");
    EXPECT_FALSE(fs::exists(dir_ / fmt::format("elsewhere{}.db", second)));
  }
  EXPECT_TRUE(backup.filename().string().starts_with("app.db.backup-")) << backup;
  EXPECT_EQ(emails(backup), Ids{"one@example.com"});
}

}  // namespace
}  // namespace dbmigrate::testing
