// The backup before a destructive run, through the binary: a backup that cannot be written
// (a full disk, here a file size limit that holds for root too) stops the run with its own
// message and exit code 2 before anything is applied, and a backup cut short never leaves a
// file that looks like a finished one.
#include <algorithm>
#include <filesystem>

#include "cli_fixture.hpp"

namespace dbmigrate::cli_test {
namespace {

using Lines = std::vector<std::string>;

class Backup : public Cli {
 protected:
  // 111111111111: users with an email column and 2 MB of rows; 222222222222 adds a table;
  // 333333333333 drops the email column (destructive). The database is at 111111111111.
  void SetUp() override {
    Cli::SetUp();
    ASSERT_EQ(run("init").code, 0);
    write_revision("111111111111", "", "users",
                   "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);\n"
                   "INSERT INTO users WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                   "FROM n WHERE i < 10000) SELECT i, printf('%0200d@example.com', i) FROM n;",
                   "DROP TABLE users;");
    ASSERT_EQ(run("upgrade --url sqlite:///app.db").code, 0);
    write_revision("222222222222", "111111111111", "extra", "CREATE TABLE extra (id INTEGER);",
                   "DROP TABLE extra;");
    write_revision("333333333333", "222222222222", "drop_email",
                   "-- WARNING: drops column 'users.email' and its data\n"
                   "ALTER TABLE users DROP COLUMN email;",
                   "ALTER TABLE users ADD COLUMN email TEXT;");
  }

  // Files of the project folder whose name starts like the database's backups.
  Lines backups() {
    Lines names;
    for (const auto& entry : fs::directory_iterator(dir_)) {
      const auto name = entry.path().filename().string();
      if (name.starts_with("app.db.backup-")) names.push_back(name);
    }
    return names;
  }

  void expect_nothing_applied() {
    EXPECT_EQ(version("app.db"), Lines{"111111111111"});
    EXPECT_EQ(tables("app.db"), Lines{"users"});
    EXPECT_EQ(columns("app.db", "users"), (Lines{"id", "email"}));
    EXPECT_EQ(column("app.db", "SELECT count(email) FROM users"), Lines{"10000"});
  }
};

TEST_F(Backup, DiskFullDuringTheBackup_OwnMessageExitTwoNothingAppliedNoFileLeft) {
  // Files limited to 64 KiB; SIGXFSZ ignored, so the write fails with EFBIG as on a full disk.
  const auto failed = shell("trap '' XFSZ; ulimit -f 128; env -u DATABASE_URL '" DBMIGRATE_CLI
                            "' upgrade --url sqlite:///app.db");
  EXPECT_EQ(failed.code, 2) << failed.text();
  EXPECT_TRUE(contains(failed.err, "cannot back up '" + (dir_ / "app.db").string() + "' to '" +
                                       (dir_ / "app.db.partial-backup-").string()))
      << failed.err;
  EXPECT_TRUE(contains(failed.err, "the run stopped before the change")) << failed.err;
  EXPECT_TRUE(failed.out.empty()) << failed.out;
  expect_nothing_applied();
  EXPECT_EQ(backups(), Lines{});
  for (const auto& entry : fs::directory_iterator(dir_)) {
    EXPECT_FALSE(entry.path().filename().string().starts_with("app.db.partial-backup-"))
        << entry.path();
  }
}

TEST_F(Backup, RunKilledDuringTheBackup_LeavesNoFileNamedLikeAFinishedBackup) {
  // SIGXFSZ kills the process at its first write past 64 KiB: in the middle of the backup.
  const auto killed = shell("ulimit -f 128; env -u DATABASE_URL '" DBMIGRATE_CLI
                            "' upgrade --url sqlite:///app.db");
  EXPECT_NE(killed.code, 0) << killed.text();
  EXPECT_EQ(backups(), Lines{});
  expect_nothing_applied();

  const auto again = run("upgrade --url sqlite:///app.db");
  EXPECT_EQ(again.code, 0) << again.text();
  ASSERT_EQ(backups().size(), 1U);
  EXPECT_EQ(column(backups().front(), "SELECT count(email) FROM users"), Lines{"10000"});
  EXPECT_EQ(version("app.db"), Lines{"333333333333"});
}

// Retention: the newest `keep_backups` backups of the database stay, older ones are removed
// and named; files that are not this database's finished backups are never touched.
TEST_F(Backup, OldBackupsBeyondTheSetting_AreRemovedAndNamed) {
  write("migrations/dbmigrate.json", R"({"format": 1, "dialect": "sqlite", "keep_backups": 2})");
  write("app.db.backup-20200101T000000Z", "oldest");
  write("app.db.backup-20200102T000000Z", "older");
  write("app.db.backup-20200102T000000Z-2", "old");
  write("app.db.backup-notes.txt", "not a backup");
  write("app.db.partial-backup-abc123", "someone's partial copy");
  write("other.db.backup-20200101T000000Z", "another database's");
  const auto upgraded = run("upgrade --url sqlite:///app.db");
  ASSERT_EQ(upgraded.code, 0) << upgraded.text();
  EXPECT_EQ(version("app.db"), Lines{"333333333333"});

  Lines left = backups();
  std::sort(left.begin(), left.end());
  ASSERT_EQ(left.size(), 3U) << upgraded.out;  // the new one, the newest old one, the notes
  EXPECT_EQ(left[0], "app.db.backup-20200102T000000Z-2");
  EXPECT_TRUE(left[1].starts_with("app.db.backup-2")) << left[1];
  EXPECT_EQ(column(left[1], "SELECT count(email) FROM users"), Lines{"10000"});
  EXPECT_EQ(left[2], "app.db.backup-notes.txt");
  EXPECT_TRUE(exists("app.db.partial-backup-abc123"));
  EXPECT_TRUE(exists("other.db.backup-20200101T000000Z"));
  for (const auto* removed : {"app.db.backup-20200101T000000Z", "app.db.backup-20200102T000000Z"}) {
    EXPECT_TRUE(contains(upgraded.out, "Removed the old backup " + (dir_ / removed).string() +
                                           " (keeping the newest 2: keep_backups in dbmigrate.json)"))
        << upgraded.out;
  }
}

TEST_F(Backup, KeepBackupsZero_KeepsEveryBackup) {
  write("migrations/dbmigrate.json", R"({"format": 1, "dialect": "sqlite", "keep_backups": 0})");
  for (int day = 1; day <= 9; ++day) write("app.db.backup-2020010" + std::to_string(day) + "T000000Z", "old");
  const auto upgraded = run("upgrade --url sqlite:///app.db");
  ASSERT_EQ(upgraded.code, 0) << upgraded.text();
  EXPECT_EQ(backups().size(), 10U);
  EXPECT_FALSE(contains(upgraded.out, "Removed")) << upgraded.out;
}

TEST_F(Backup, ByDefault_TheNewestFiveAreKept) {
  for (int day = 1; day <= 9; ++day) write("app.db.backup-2020010" + std::to_string(day) + "T000000Z", "old");
  const auto upgraded = run("upgrade --url sqlite:///app.db");
  ASSERT_EQ(upgraded.code, 0) << upgraded.text();
  Lines left = backups();
  std::sort(left.begin(), left.end());
  ASSERT_EQ(left.size(), 5U);
  EXPECT_EQ(left[0], "app.db.backup-20200106T000000Z");
  EXPECT_FALSE(exists("app.db.backup-20200105T000000Z"));
}

TEST_F(Backup, KeepBackupsNotAWholeNumber_ExitTwoNothingRun) {
  write("migrations/dbmigrate.json", R"({"format": 1, "dialect": "sqlite", "keep_backups": "3"})");
  const auto refused = run("upgrade --url sqlite:///app.db");
  EXPECT_EQ(refused.code, 2) << refused.text();
  EXPECT_TRUE(contains(refused.err, "keep_backups: expected a whole number")) << refused.err;
  expect_nothing_applied();
}

}  // namespace
}  // namespace dbmigrate::cli_test
